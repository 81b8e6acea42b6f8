import Foundation
import MaillageCore

/// The cycle form as posted (`/cycles`, `/cycles/{id}/modifier`): the cycle it describes and what is wrong with it.
struct CycleForm {
    var cycle: Cycle
    var problems: [FieldProblem]

    init(_ reader: QueryReader, territory: Siren, id: Int = 0) throws {
        var problems: [FieldProblem] = []
        func day(_ name: CycleFormField, _ field: String) throws -> CalendarDay? {
            guard let text = try reader.single(name) else { return nil }
            guard let day = CalendarDay(text) else { problems.append(.init(field: field, expected: "une date (AAAA-MM-JJ)")); return nil }
            return day
        }
        let startsOn = try day(.debut, "Début")
        let endsOn = try day(.fin, "Fin")
        cycle = Cycle(
            id: id, territory: territory, title: try reader.text(CycleFormField.titre, maximumLength: 2_000) ?? "",
            goal: try reader.text(CycleFormField.objectif, maximumLength: 20_000) ?? "", startsOn: startsOn, endsOn: endsOn,
            organisers: Self.lines(try reader.text(CycleFormField.organisateurs, maximumLength: 20_000)),
            animateurs: Self.lines(try reader.text(CycleFormField.animateurs, maximumLength: 20_000)))
        self.problems = problems + cycle.problems
    }

    /// One name per line, blank lines left out.
    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}
