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
        var converted: [(record: SourceRecord, readerVersion: Int)] = []
        for row in try await db.select().columns("body", "reader_version").from("source_records").orderBy("source").orderBy("source_id").all() {
            let body = try row.decode(column: "body", as: String.self)
            let record = try JSONDecoder().decode(LegacyRecordBody.self, from: Data(body.utf8)).record()
            converted.append((record, try row.decode(column: "reader_version", as: Int.self)))
        }
        try await db.drop(table: "place_sources").run()
        try await db.delete(from: "places").run()
        try await db.drop(table: "source_records").run()
        try await Self.createRecordTables(on: db)
        try await TypedPlaceColumnsV1.createPlaceSourcesTable(on: db)
        try await Self.insert(converted, on: db)
        try await db.raw(
            """
            INSERT INTO pending_blocks (block_key) SELECT DISTINCT block_key FROM source_records
            WHERE block_key NOT IN (SELECT block_key FROM pending_blocks)
            """
        ).run()
    }

    /// Creates the source records' table in typed columns, and its child tables.
    private static func createRecordTables(on db: any SQLDatabase) async throws {
        try await TypedPlaceColumnsV1.define(
            on: db.create(table: "source_records")
                .column("record_key", type: .text, .notNull, .unique)
                .column("source", type: .text, .notNull)
                .column("source_id", type: .text, .notNull)
                .column("place_id", type: .text, .notNull)
                .column("provenance_date_maj", type: .text, .notNull)
                .column("block_key", type: .text, .notNull)
                .column("fingerprint", type: .text, .notNull)
                .column("reader_version", type: .int, .notNull)
                .primaryKey("source", "source_id")
                .check("\(ident: "record_key") = \(ident: "source") || ':' || \(ident: "source_id")" as SQLQueryString, named: nil as String?)
                .check("length(\(ident: "provenance_date_maj")) = 10" as SQLQueryString, named: nil as String?)
                .check("\(ident: "reader_version") >= 1" as SQLQueryString, named: nil as String?), database: db
        )
        .run()
        try await db.create(index: "source_records_block").on("source_records").column("block_key").run()
        try await TypedPlaceColumnsV1.createChildTables(
            of: "source_records", key: "record_key", listItems: "source_record_list_items",
            unmapped: "source_record_unmapped", childKey: "record_key", on: db)
    }

    /// Writes the converted records with the reader version each had, and the fingerprint of their values (which the
    /// repository compares with a re-imported record's).
    private static func insert(_ records: [(record: SourceRecord, readerVersion: Int)], on db: any SQLDatabase) async throws {
        var rows: [[any Encodable & Sendable]] = [], listItems: [[any Encodable & Sendable]] = [], unmapped: [[any Encodable & Sendable]] = []
        for (record, readerVersion) in records {
            let provenance = record.provenance, key = provenance.key
            let main: [any Encodable & Sendable] =
                [
                    key, provenance.source.rawValue, provenance.sourceID, record.place.id, provenance.dateMaj.description,
                    record.blockKey
                ] + TypedPlaceColumnsV1.values(of: record.place)
            let lists = TypedPlaceColumnsV1.listItems(of: record.place, key: key), others = TypedPlaceColumnsV1.unmapped(of: record.place, key: key)
            var row = main
            row.insert(contentsOf: [RecordFingerprint.of([main] + lists + others), readerVersion] as [any Encodable & Sendable], at: 6)
            rows.append(row)
            listItems += lists
            unmapped += others
        }
        try await db.insertBatched(
            into: "source_records",
            columns: [
                "record_key", "source", "source_id", "place_id", "provenance_date_maj", "block_key",
                "fingerprint", "reader_version"
            ] + TypedPlaceColumnsV1.names,
            rows: rows, maxBinds: db.maxBindsPerStatement)
        try await db.insertBatched(
            into: "source_record_list_items", columns: ["record_key", "field", "position", "value"], rows: listItems,
            maxBinds: db.maxBindsPerStatement)
        try await db.insertBatched(
            into: "source_record_unmapped", columns: ["record_key", "position", "field", "value"], rows: unmapped,
            maxBinds: db.maxBindsPerStatement)
    }
}
