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
    /// A place as storage gives it back: closed vocabularies in the standard's order.
    static func asStored(_ place: Place) -> Place {
        func ordered<V: StandardVocabulary>(_ values: [V]) -> [V] { VocabularyBits(values).values }
        var place = place
        place.itinerance = ordered(place.itinerance)
        place.services = ordered(place.services)
        place.publicsSpecifiquementAdresses = ordered(place.publicsSpecifiquementAdresses)
        place.priseEnChargeSpecifique = ordered(place.priseEnChargeSpecifique)
        place.fraisACharge = ordered(place.fraisACharge)
        place.dispositifProgrammesNationaux = ordered(place.dispositifProgrammesNationaux)
        place.formationsLabels = ordered(place.formationsLabels)
        place.modalitesAcces = ordered(place.modalitesAcces)
        place.modalitesAccompagnement = ordered(place.modalitesAccompagnement)
        return place
    }

    /// The merge in memory, as storage gives it back: no explanations.
    static func asStored(_ merged: MergedPlace) -> MergedPlace {
        MergedPlace(place: asStored(merged.place), provenances: merged.provenances, fieldSources: [:], decisions: [])
    }

    /// A pack record as storage gives it back.
    static func asStored(_ record: SourceRecord) -> SourceRecord {
        SourceRecord(provenance: record.provenance, place: asStored(record.place))
    }

    /// The CAPH pack, with one record carrying what the pack's facts lack (unmapped values, free labels, a "|" in a
    /// list value).
    static func enrichedPack() throws -> TerritoryPack {
        var pack = try TestData.loadPack()
        pack.records[0].place.unmappedValues = [
            UnmappedValue(field: "services", value: "Jardinage numérique"),
            UnmappedValue(field: "typologie", value: "GUINGUETTE")
        ]
        pack.records[0].place.autresFormationsLabels = ["Label local", "Passeport numérique"]
        pack.records[0].place.siteWeb = ["https://exemple.fr/?a|b"]
        return pack
    }

    @Test(arguments: TestDatabases.available)
    func everyFieldOfEveryPlaceComesBackAsMerged(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup: the enriched pack, merged in memory
            let pack = try Self.enrichedPack()
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
    func everyFieldOfEveryRecordComesBackAsRead(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            // Setup
            let pack = try Self.enrichedPack()
            // Act
            _ = try await Importer(database: db).load(pack)
            let stored = try await db.places.records()
            // Check: all 300-odd records, field by field, and no record is an unmapped-free copy of another
            let expected = pack.records.map(Self.asStored).sorted {
                ($0.provenance.source.rawValue, $0.provenance.sourceID) < ($1.provenance.source.rawValue, $1.provenance.sourceID)
            }
            #expect(stored.count == pack.records.count && stored.count > 250)
            #expect(stored == expected)
            #expect(stored.contains { $0.place.unmappedValues.count == 2 && $0.place.autresFormationsLabels.count == 2 })
        }
    }

    @Test(arguments: TestDatabases.available)
    func theFingerprintSeesEveryStoredValueButNotTheOrderOfAVocabulary(kind: TestDatabases.Kind) async throws {
        // Setup: a record, the same with its services in another order, and variants differing by one stored value
        let record = try #require(try TestData.loadPack().records.first { $0.place.services.count > 1 })
        func fingerprint(_ record: SourceRecord) -> String { PlaceRepository.encode([record], readerVersion: { _ in 1 }).rows[0].fingerprint }
        var reordered = record
        reordered.place.services.reverse()
        var unmapped = record
        unmapped.place.unmappedValues.append(UnmappedValue(field: "services", value: "Autre"))
        var moved = record
        moved.place.coordinate = record.place.coordinate.map { Coordinate(latitude: $0.latitude.nextUp, longitude: $0.longitude) }
        var emptied = record
        emptied.place.telephone = record.place.telephone == nil ? "" : nil
        var redated = record
        redated.provenance.dateMaj = CalendarDay("2001-01-01")!
        // Act / check
        #expect(fingerprint(reordered) == fingerprint(record))
        #expect(Set([record, unmapped, moved, emptied, redated].map(fingerprint)).count == 5)
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
            let explained = try await PlaceBuilder(database: db).explained(stored)
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
            try await PreviousSchemaRecords.store(pack.records, on: db.sql)
            try await db.sql.delete(from: "pending_blocks").run()  // as if merged by the previous version
            // Act
            _ = try await db.migrate()
            let pending = try await places.pendingBlocks(on: db.sql)
            let rebuilt = try await Importer(database: db).finishPendingMerge()
            // Check: every block was pending, and the places are those of the merge
            #expect(Set(pending) == Set(pack.records.map(\.blockKey)))
            #expect(rebuilt == PlaceMerger().merge(pack.records).count)
            #expect(try await db.places.all().count == rebuilt)
        }
    }

    @Test(arguments: TestDatabases.available)
    func theMigrationTypesTheRecordsOfTheOldSchemaAndKeepsTheirReaderVersions(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind, schema: .unchecked) { db in
            // Setup: the previous schema (records as JSON, read by reader version 2) and their places, merged
            try await Migrator(database: db).migrate(through: "0010_typed_places")
            let pack = try Self.enrichedPack()
            try await db.territories.replace(with: pack.territory)
            try await PreviousSchemaRecords.store(pack.records, readerVersion: 2, on: db.sql)
            let merged = PlaceMerger().merge(pack.records)
            let blocks = Set(pack.records.map(\.blockKey)).sorted()
            let places = db.places
            try await db.transaction { session in try await places.replacePlaces(inBlocks: blocks, with: merged, on: session) }
            // Act
            _ = try await db.migrate()
            let pending = try await places.pendingBlocks(on: db.sql)
            let rebuilt = try await Importer(database: db).finishPendingMerge()
            let again = PlaceRepository.encode(pack.records, readerVersion: { _ in 2 })
            let reimport = try await db.transaction { session in try await places.stage(again, on: session).changes }
            // Check: the same records, typed; every block rebuilt into the same places; a re-import changes nothing
            #expect(Set(pending) == Set(blocks))
            #expect(
                try await db.places.records()
                    == pack.records.map(Self.asStored).sorted {
                        ($0.provenance.source.rawValue, $0.provenance.sourceID) < ($1.provenance.source.rawValue, $1.provenance.sourceID)
                    })
            #expect(rebuilt == merged.count)
            #expect(try await db.places.all() == merged.map(Self.asStored).sorted { $0.id < $1.id })
            #expect(reimport == PlaceRepository.Changes(unchanged: pack.records.count))
            try await db.requireCurrentSchema()
        }
    }
}
