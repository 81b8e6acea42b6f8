import Foundation
import MaillageCore
import SQLKit

/// Source records in typed columns and child tables instead of one JSON body, like the merged places (0010). Each
/// stored body is read by a frozen copy of its JSON shape (``LegacyRecordBody``), its fingerprint recomputed from the
/// typed values. The merged places are derived data: they are cleared and every block marked pending, so that the next
/// merge rebuilds them (and their links to the new records).
struct TypedSourceRecords: Migration {
    let name = "0011_typed_source_records"

    func prepare(on db: any SQLDatabase) async throws {
        typealias R = PlaceTables.Record
        var converted: [SourceRecord] = []
        var versions: [String: Int] = [:]
        for row in try await db.select().columns("body", "reader_version").from("source_records").orderBy("source").orderBy("source_id").all() {
            let body = try row.decode(column: "body", as: String.self)
            let record = try JSONDecoder().decode(LegacyRecordBody.self, from: Data(body.utf8)).record()
            converted.append(record)
            versions[record.provenance.key] = try row.decode(column: "reader_version", as: Int.self)
        }
        try await db.drop(table: PlaceTables.Source.table).run()
        try await db.delete(from: PlaceTables.Place.table).run()
        try await db.drop(table: R.table).run()
        try await PlaceTables.createRecordTables(on: db)
        try await PlaceTables.createPlaceSourcesTable(on: db)
        let encoded = PlaceRepository.encode(converted) { _ in 1 }
        try await PlaceRepository.recordRows.insert(encoded.rows.map { row in
            var placeRow = row.row
            placeRow.own[placeRow.own.count - 1] = versions[row.record.provenance.key] ?? 1  // the reader version comes last
            return placeRow
        }, on: db)
        try await db.raw("""
            INSERT INTO pending_blocks (block_key) SELECT DISTINCT block_key FROM source_records
            WHERE block_key NOT IN (SELECT block_key FROM pending_blocks)
            """).run()
    }
}
