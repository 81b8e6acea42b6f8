import Foundation
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// The territory's places exported in the national standard pass the schema's own constraints, and come back the same
/// when imported into an empty database.
@Suite("Export of a territory to the national standard", .serialized)
struct ExportTests {
    /// Every constraint of `schema-lieux-mediation-numerique.json` a row breaks (required, pattern, maxLength, types,
    /// unique identifier), read from the schema file itself; an empty optional value is a missing value.
    static func violations(_ rows: [[String: Any]]) throws -> [String] {
        let schema =
            try JSONSerialization.jsonObject(with: Data(contentsOf: TestData.file("lieux/schema-lieux-mediation-numerique.json"))) as! [String: Any]
        let fields = schema["fields"] as! [[String: Any]]
        var problems: [String] = []
        var ids: Set<String> = []
        for (number, row) in rows.enumerated() {
            for field in fields {
                let name = field["name"] as! String, constraints = field["constraints"] as? [String: Any] ?? [:]
                let value = row[name]
                let text = (value as? String) ?? (value as? Double).map { String($0) } ?? ""
                if constraints["required"] as? Bool == true && text.isEmpty { problems.append("ligne \(number) \(name) : obligatoire") }
                guard !text.isEmpty else { continue }
                if field["type"] as? String == "number" && !(value is Double) { problems.append("ligne \(number) \(name) : nombre attendu") }
                if field["type"] as? String == "date" && CalendarDay(text)?.description != text { problems.append("ligne \(number) \(name) : date") }
                if let pattern = constraints["pattern"] as? String {
                    let regex = try NSRegularExpression(pattern: "^(?:\(pattern))$")
                    if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                        problems.append("ligne \(number) \(name) : « \(text) » ne suit pas \(pattern)")
                    }
                }
                if let maximum = constraints["maxLength"] as? Int, text.count > maximum { problems.append("ligne \(number) \(name) : trop long") }
            }
            if let id = row["id"] as? String, !ids.insert(id).inserted { problems.append("ligne \(number) : identifiant \(id) en double") }
        }
        return problems
    }

    @Test(arguments: TestDatabases.available)
    func theTerritoryExportPassesTheSchemaAndComesBackTheSameFromAnEmptyDatabase(kind: TestDatabases.Kind) async throws {
        try await TestSite.with(kind) { site in
            // Setup: a validated declaration, so that the export carries local data too
            let fixture = try await OfferFixture.denainPlace(site.database)
            try await DeclarationTests.accounts(site, fixture)
            var member = try await site.signIn(DeclarationTests.member)
            _ = try await site.get(fixture.declareURI, as: &member)
            _ = try await site.post(fixture.declareURI, DeclarationTests.scenarioForm(fixture.place), as: &member)
            var coordinator = try await site.signIn(DeclarationTests.coordinator)
            let fields = try #require(try await site.database.declarations.find(id: 1)).fields.map { ("champ", $0.column.rawValue) }
            #expect(try await site.post("/declarations/1/decider", fields + [("decision", "valider")], as: &coordinator).status == 302)
            let served = try await IndexStore(database: site.database).current.entries(ofTerritory: .caph).map(\.place)

            // Act: the public downloads both exports
            var visitor = Browser()
            let json = try await site.get("/territoires/200042190/lieux.json", as: &visitor)
            let csv = try await site.get("/territoires/200042190/lieux.csv", as: &visitor)

            // Check: every row passes the schema; the declared week is there
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.html.utf8)) as? [[String: Any]])
            #expect(rows.count == served.count && rows.count > 50, "\(rows.count) lieux")
            #expect(try Self.violations(rows) == [])
            #expect(rows.contains { $0["horaires"] as? String == DeclarationTests.declaredWeek })
            let read = try PlaceFileReader.read(
                csv.html, format: .standardCSV, file: "lieux.csv", locator: PlaceLocator(territory: TestData.loadPack().territory))
            #expect(read.report.rejected == 0 && read.records.count == served.count, "\(read.report.rejections.prefix(3)) \(read.report.rejected)")

            // Act: the CSV imported into an empty database with the same territory
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID()).csv")
            try Data(csv.html.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            try await TestDatabases.with(kind) { empty in
                try await empty.territories.replace(with: try TestData.loadPack().territory)
                let summary = try await Importer(database: empty).run([file])
                #expect(summary.files.allSatisfy { $0.imported })
                // Check: the same places, field for field (the identifiers are the file's, under the standard source)
                func content(_ place: Place) -> [String] {
                    let row = StandardRowCodec.encode(place)
                    return StandardColumn.allCases.filter { $0 != .id }.map { row[$0] ?? "" }
                }
                let back = try await empty.places.all().map(\.place)
                #expect(back.count == served.count)
                #expect(
                    back.map(content).sorted { $0.lexicographicallyPrecedes($1) }
                        == served.map { content(StandardConformance.conforming($0).place) }
                        .sorted { $0.lexicographicallyPrecedes($1) })
            }
        }
    }
}
