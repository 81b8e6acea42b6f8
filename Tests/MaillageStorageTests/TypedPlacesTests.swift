import Foundation
import MaillageCore
import MaillageImport
import MaillageSources
@testable import MaillageStorage
import MaillageTestSupport
import SQLKit
import Testing

/// Merged places in typed columns, on the real places of the CAPH pack.
@Suite("Typed places", .serialized)
struct TypedPlacesTests {
    /// The merge in memory, as storage gives it back: closed vocabularies in the standard's order, no explanations.
    static func asStored(_ merged: MergedPlace) -> MergedPlace {
        func ordered<V: StandardVocabulary>(_ values: [V]) -> [V] { VocabularyBits(values).values }
        var place = merged.place
        place.itinerance = ordered(place.itinerance)
        place.services = ordered(place.services)
        place.publicsSpecifiquementAdresses = ordered(place.publicsSpecifiquementAdresses)
        place.priseEnChargeSpecifique = ordered(place.priseEnChargeSpecifique)
        place.fraisACharge = ordered(place.fraisACharge)
        place.dispositifProgrammesNationaux = ordered(place.dispositifProgrammesNationaux)
        place.formationsLabels = ordered(place.formationsLabels)
        place.modalitesAcces = ordered(place.modalitesAcces)
        place.modalitesAccompagnement = ordered(place.modalitesAccompagnement)
        return MergedPlace(place: place, provenances: merged.provenances, fieldSources: [:], decisions: [])
    }

    @Test(arguments: TestDatabases.available)
    func everyFieldOfEveryPlaceComesBackAsMerged(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: the pack, one record carrying what the pack's facts lack (unmapped values, free labels, a "|" in a
            // list value), merged in memory
            var pack = try TestData.loadPack()
            pack.records[0].place.unmappedValues = [UnmappedValue(field: "services", value: "Jardinage numérique"),
                                                    UnmappedValue(field: "typologie", value: "GUINGUETTE")]
            pack.records[0].place.autresFormationsLabels = ["Label local", "Passeport numérique"]
            pack.records[0].place.siteWeb = ["https://exemple.fr/?a|b"]
            let merged = PlaceMerger().merge(pack.records).sorted { $0.id < $1.id }
            // Act: stored and read back
            _ = try await Importer(database: db).load(pack)
            let stored = try await db.places.all()
            // Check: the same 297 places, field by field
            #expect(stored.count == merged.count && stored.count > 250)
            #expect(stored == merged.map(Self.asStored))
            #expect(stored.contains { !$0.place.unmappedValues.isEmpty } && stored.contains { $0.provenances.count > 1 })
            #expect(stored.contains { !$0.place.courriels.isEmpty } && stored.contains { !$0.place.typologie.isEmpty })
            // … one place, a page and a block read the same rows
            let denain = try #require(stored.first { $0.place.codeInsee?.rawValue == "59172" })
            #expect(try await db.places.place(id: denain.id) == denain)
            #expect(try await db.places.all(inBlocks: ["59172"]) == stored.filter { $0.place.blockKey == "59172" })
        }
    }

    @Test(arguments: TestDatabases.available)
    func theExplainerGivesTheMergesFieldSourcesAndDecisions(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: a place of two records (France services also registered with Aidants Connect)
            let pack = try TestData.loadPack()
            let merged = PlaceMerger().merge(pack.records)
            let joined = try #require(merged.first { $0.provenances.count > 1 && !$0.decisions.isEmpty })
            _ = try await Importer(database: db).load(pack)
            let stored = try #require(try await db.places.place(id: joined.id))
            // Act
            let explained = try await PlaceExplainer(database: db).explained(stored)
            // Check
            #expect(stored.fieldSources.isEmpty && stored.decisions.isEmpty)
            #expect(explained.fieldSources == joined.fieldSources)
            #expect(explained.decisions == joined.decisions)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theSchemaRefusesAValueOutsideItsVocabulary(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup
            _ = try await Importer(database: db).load(try TestData.loadPack())
            let before = try await db.places.all()
            let place = try #require(before.first)
            // Act / check: a tenth service bit, a bad precision, a typology outside the list
            await #expect(throws: (any Error).self) {
                try await db.sql.update("places").set("services", to: SQLBind(1 << 9)).where("id", .equal, SQLBind(place.id)).run()
            }
            await #expect(throws: (any Error).self) {
                try await db.sql.update("places").set("precision", to: SQLBind("environ")).where("id", .equal, SQLBind(place.id)).run()
            }
            await #expect(throws: (any Error).self) {
                try await db.sql.insert(into: "place_list_items").columns("place_id", "field", "position", "value")
                    .values(SQLBind(place.id), SQLBind("couleur"), SQLBind(0), SQLBind("bleu")).run()
            }
            #expect(try await db.places.all() == before)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theMigrationRebuildsThePlacesOfTheOldSchemaFromTheirRecords(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: the previous schema (places as JSON) with the pack's records stored and pending a merge
            try await Migrator(database: db).migrate(through: "0009_typed_import_runs")
            let pack = try TestData.loadPack()
            try await db.territories.replace(with: pack.territory)
            let places = db.places
            let encoded = try places.encode(pack.records, readerVersion: \.readerVersion)
            try await db.transaction { session in _ = try await places.stage(encoded, on: session) }
            try await db.sql.delete(from: "pending_blocks").run()  // as if merged by the previous version
            // Act
            try await db.migrate()
            let pending = try await places.pendingBlocks(on: db.sql)
            let rebuilt = try await Importer(database: db).finishPendingMerge()
            // Check: every block was pending, and the places are those of the merge
            #expect(Set(pending) == Set(pack.records.map(\.blockKey)))
            #expect(rebuilt == PlaceMerger().merge(pack.records).count)
            #expect(try await db.places.all().count == rebuilt)
        }
    }
}
