import Foundation
import MaillageCore

/// The meeting form as posted: its date and time, venue (a place of the directory or an address), the communes of its
/// tables, its agenda (``rows`` lines, blank ones left out) and its decisions.
struct MeetingForm {
    /// The agenda lines the form offers.
    static let rows = 6

    var meeting: Meeting
    var problems: [FieldProblem]

    init(_ reader: QueryReader, cycle: Cycle, index: PlaceIndex, existing: Meeting? = nil) throws {
        var problems: [FieldProblem] = []
        let startsAt = try reader.single(MeetingFormField.debut).flatMap(ParisTime.date(local:))
        if startsAt == nil { problems.append(.init(field: "Date et heure", expected: "une date et une heure (AAAA-MM-JJTHH:MM)")) }
        let placeID = try reader.single(MeetingFormField.lieuID)
        var venue = try reader.text(MeetingFormField.lieu, maximumLength: 2_000) ?? ""
        if let placeID {
            if let entry = index.entry(id: placeID) {
                if venue.isEmpty { venue = entry.place.nom.displayCased + ", " + entry.place.postalAddress }
            } else {
                problems.append(.init(field: "Lieu de l'annuaire", expected: "l'identifiant d'un lieu de l'annuaire"))
            }
        }
        var communes: [CommuneCode] = []
        for text in try reader.all(MeetingFormField.communes) {
            guard let code = CommuneCode(text) else { problems.append(.init(field: "Communes des tables", expected: "des codes INSEE")); break }
            if !communes.contains(code) { communes.append(code) }
        }
        var agenda: [AgendaItem] = []
        for row in 0..<Self.rows {
            guard let title = try reader.text("temps_\(row)_titre", maximumLength: 2_000) else { continue }
            let kind: WorkshopKind = try reader.choice("temps_\(row)_type") ?? .autre
            let minutes = try reader.number("temps_\(row)_duree", 0...10_000).map { Int($0) }
            agenda.append(AgendaItem(title: title, kind: kind, minutes: minutes))
        }
        meeting = Meeting(
            id: existing?.id ?? 0, cycleID: cycle.id, territory: cycle.territory, startsAt: startsAt ?? Date(timeIntervalSince1970: 0),
            venuePlaceID: placeID, venue: venue, agenda: agenda, focusCommunes: communes,
            workshop: existing?.workshop ?? .enPreparation, joinCode: existing?.joinCode,
            decisions: try reader.text(MeetingFormField.decisions, maximumLength: 20_000) ?? "")
        self.problems = problems + meeting.problems(in: index.territory)
    }
}
