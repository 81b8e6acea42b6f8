import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import MaillageTestSupport
import Testing

/// A national file is stored and merged a chunk at a time, so that memory holds one chunk: the result must be what
/// one step gives.
@Suite("Imports in chunks")
struct ChunkedImportTests {
    @Test(arguments: TestDatabases.available)
    func stagingAndMergingInSmallChunksStoresExactlyWhatOneStepStores(kind: TestDatabases.Kind) async throws {
        // Setup: the CAPH pack's territory and records
        let pack = try TestData.loadPack()
        func importing(chunkSize: Int, blocksPerStep: Int) async throws -> (PlaceRepository.Changes, [SourceRecord], [MergedPlace], Int) {
            try await TestDatabases.with(kind) { db in
                try await db.territories.replace(with: pack.territory)
                let places = db.places
                let changes = try await db.transaction { session in
                    try await places.stage(pack.records, readerVersion: \.readerVersion, chunkSize: chunkSize, on: session).changes
                }
                let builder = PlaceBuilder(database: db)
                let rebuilt = try await db.transaction { session in try await builder.rebuildPending(blocksPerStep: blocksPerStep, on: session) }
                return (changes, try await places.records(), try await places.all(), rebuilt)
            }
        }
        // Act: 37 records and 5 blocks at a time, against everything in one step
        let small = try await importing(chunkSize: 37, blocksPerStep: 5)
        let whole = try await importing(chunkSize: pack.records.count, blocksPerStep: PlaceBuilder.blocksPerMerge)
        // Check
        #expect(pack.records.count > 37 * 3 && Set(pack.records.map(\.blockKey)).count > 5 * 3)
        #expect(small.0 == whole.0 && small.0.inserted == pack.records.count)
        #expect(small.1 == whole.1)
        #expect(small.2 == whole.2 && small.3 == whole.3 && small.3 > 0)
    }
}
