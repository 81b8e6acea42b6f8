import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage
@testable import MaillageWeb

/// A real Denain place of the CAPH pack and its structure, and the declaration form of a place as a browser posts it.
struct OfferFixture {
    let place: Place
    let anchor: String
    let structureID: String

    static let denain = CommuneCode("59172")!

    /// The first Denain place (by identifier) located at its address, with its structure, as the site serves them.
    static func denainPlace(_ database: AppDatabase) async throws -> OfferFixture {
        let store = try await IndexStore(database: database)
        let entry = store.current.entries(in: denain).filter { $0.place.precision == .adresse }.min { $0.place.id < $1.place.id }!
        return OfferFixture(place: entry.place, anchor: entry.merged.anchor!, structureID: store.structures.structure(ofPlace: entry.place.id)!.id)
    }

    var declareURI: String { "/lieux/\(place.id)/declarer" }

    /// The whole declaration form of `place` as rendered (every correction column, the hours as the grid), with some
    /// fields replaced: `changes` maps a field name to the values it is posted with.
    static func form(
        of place: Place, changes: [String: [String]] = [:], columns: [StandardColumn] = PlaceForm.correctionColumns
    ) -> [(String, String)] {
        var fields: [(String, [String])] = []
        for (column, _) in PlaceForm.textColumns where columns.contains(column) {
            fields.append((column.rawValue, [StandardField.text(column, of: place)]))
        }
        for column in PlaceForm.vocabularyColumns where columns.contains(column) {
            fields.append((column.rawValue, StandardField.text(column, of: place).split(separator: "|").map(String.init)))
        }
        let grid: HoursForm? = place.horaires.map { HoursForm(osm: $0) } ?? HoursForm()
        if let hours = grid {
            fields.append(("horaires_mode", ["grille"]))
            for day in Weekday.allCases {
                for (n, span) in hours.days[day.rawValue].enumerated() {
                    fields.append(("h-\(day.rawValue)-\(n + 1)-debut", [TimeSpan.clock(span.start)]))
                    fields.append(("h-\(day.rawValue)-\(n + 1)-fin", [TimeSpan.clock(span.end)]))
                }
            }
            for (n, closure) in hours.closures.enumerated() {
                fields.append(("fermeture-\(n + 1)-du", [String(format: "%02d/%02d", closure.fromDay, closure.fromMonth)]))
                fields.append(("fermeture-\(n + 1)-au", [String(format: "%02d/%02d", closure.toDay, closure.toMonth)]))
            }
            if hours.closedOnPublicHolidays { fields.append(("feries", ["1"])) }
        } else {
            fields.append(("horaires_mode", ["texte"]))
            fields.append(("horaires_texte", [place.horaires ?? ""]))
        }
        var posted = fields.filter { changes[$0.0] == nil }
        posted += changes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return posted.flatMap { name, values in values.map { (name, $0) } }
    }

    /// The grid fields of a week: `Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00` as the editor posts it.
    static func week(_ osm: String) -> [String: [String]] {
        let form = HoursForm(osm: osm)!
        var fields: [String: [String]] = ["horaires_mode": ["grille"]]
        for day in Weekday.allCases {
            for n in 1...HoursForm.rangesPerDay {
                let span = n <= form.days[day.rawValue].count ? form.days[day.rawValue][n - 1] : nil
                fields["h-\(day.rawValue)-\(n)-debut"] = [span.map { TimeSpan.clock($0.start) } ?? ""]
                fields["h-\(day.rawValue)-\(n)-fin"] = [span.map { TimeSpan.clock($0.end) } ?? ""]
            }
        }
        return fields
    }
}
