import MaillageCore
import SQLKit

/// Stores source records and the merged places built from them; the merge itself is the importer's.
///
/// The writing methods take the session of a transaction the caller opened (`AppDatabase.transaction`), so that one
/// use case (store a file, record its run, merge the communes it touched) commits or rolls back as a whole.
public struct PlaceRepository: Sendable {
    let database: AppDatabase

    /// What storing records changed, record by record.
    public struct Changes: Codable, Sendable, Equatable {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        /// Records whose stored version differs but is neither newer nor read by a newer reader: kept, and reported
        /// here (`source:id`).
        public var conflicts: [String] = []
        /// Places rebuilt by the merge that followed, when it followed at once; 0 when the merge is deferred.
        public var placesRebuilt = 0

        public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, conflicts: [String] = [], placesRebuilt: Int = 0) {
            self.inserted = inserted
            self.updated = updated
            self.unchanged = unchanged
            self.conflicts = conflicts
            self.placesRebuilt = placesRebuilt
        }
    }

    /// Records to store, encoded (on every core) before the transaction opens.
    public struct EncodedRecords: Sendable {
        let rows: [(record: SourceRecord, body: String, fingerprint: String, readerVersion: Int)]
    }

    /// Encodes records for ``stage(_:on:)``; `readerVersion` says which version of its reader produced each one.
    public func encode(_ records: [SourceRecord], readerVersion: @Sendable (SourceKind) -> Int) throws -> EncodedRecords {
        let bodies = try JSONColumn.encode(all: records)
        return EncodedRecords(rows: zip(records, bodies).map { record, body in
            (record, body, StableHash.hex(body), readerVersion(record.provenance.source))
        })
    }

    /// Upserts the records by `(source, source_id)` and marks the communes (blocks) they touch as pending a merge.
    ///
    /// A record identical to the stored one changes nothing. A different one replaces the stored one when it is newer
    /// or was read by a newer reader; otherwise it is a conflict: the stored version is kept and the conflict reported.
    /// - Returns: what changed, the blocks touched, and the records now stored as given (for the merge to reuse).
    public func stage(_ encoded: EncodedRecords, on db: any SQLDatabase) async throws
        -> (changes: Changes, blocks: Set<String>, written: [SourceRecord]) {
        let maxBinds = database.maxBindsPerStatement
        var changes = Changes()
        let sources = Set(encoded.rows.map(\.record.provenance.source.rawValue)).sorted()
        var stored: [String: (fingerprint: String, date: String, block: String, readerVersion: Int)] = [:]
        for row in try await db.select().columns("source", "source_id", "fingerprint", "date_maj", "block_key", "reader_version")
            .from("source_records").where("source", .in, sources).all() {
            let key = "\(try row.decode(column: "source", as: String.self)):\(try row.decode(column: "source_id", as: String.self))"
            stored[key] = (try row.decode(column: "fingerprint", as: String.self), try row.decode(column: "date_maj", as: String.self),
                           try row.decode(column: "block_key", as: String.self), try row.decode(column: "reader_version", as: Int.self))
        }
        var writes: [[any Encodable & Sendable]] = []
        var blocks: Set<String> = []
        var written: [SourceRecord] = []
        for (record, body, fingerprint, readerVersion) in encoded.rows {
            let date = record.provenance.dateMaj.description
            if let existing = stored[record.provenance.key] {
                if existing.fingerprint == fingerprint { changes.unchanged += 1; written.append(record); continue }
                guard date > existing.date || readerVersion > existing.readerVersion else {
                    changes.conflicts.append(record.provenance.key)
                    continue
                }
                changes.updated += 1
                blocks.insert(existing.block)
            } else {
                changes.inserted += 1
            }
            blocks.insert(record.blockKey)
            written.append(record)
            writes.append([record.provenance.source.rawValue, record.provenance.sourceID, date, record.blockKey, fingerprint, readerVersion, body])
        }
        try await db.insertBatched(into: "source_records",
                                   columns: ["source", "source_id", "date_maj", "block_key", "fingerprint", "reader_version", "body"],
                                   rows: writes, maxBinds: maxBinds, upsertOn: ["source", "source_id"])
        let pending = Set(try await pendingBlocks(on: db))
        try await db.insertBatched(into: "pending_blocks", columns: ["block_key"],
                                   rows: blocks.subtracting(pending).sorted().map { [$0] }, maxBinds: maxBinds)
        return (changes, blocks, written)
    }

    /// The blocks whose records changed since their places were last rebuilt.
    public func pendingBlocks(on db: any SQLDatabase) async throws -> [String] {
        try await db.select().column("block_key").from("pending_blocks").orderBy("block_key").all(decodingColumn: "block_key", as: String.self)
    }

    /// Every stored record of the blocks; records in `known` (by provenance key) are taken as given, not decoded.
    public func records(inBlocks blocks: [String], known: [String: SourceRecord], on db: any SQLDatabase) async throws -> [SourceRecord] {
        try await db.inChunks(blocks) { chunk in
            try await db.select().columns("source", "source_id", "body").from("source_records").where("block_key", .in, chunk).all()
                .map { row in
                    let key = "\(try row.decode(column: "source", as: String.self)):\(try row.decode(column: "source_id", as: String.self))"
                    return try known[key] ?? JSONColumn.decode(SourceRecord.self, from: try row.decode(column: "body", as: String.self))
                }
        }
    }

    /// Replaces the places of the blocks with `merged` and clears the blocks from the pending list.
    public func replacePlaces(inBlocks blocks: [String], with merged: [MergedPlace], on db: any SQLDatabase) async throws {
        typealias P = PlaceTables.Place
        typealias S = PlaceTables.Source
        typealias L = PlaceTables.ListItem
        typealias U = PlaceTables.Unmapped
        let maxBinds = database.maxBindsPerStatement
        let _: [Int] = try await db.inChunks(blocks) { chunk in
            try await db.delete(from: P.table).where(P.blockKey, .in, chunk).run()
            try await db.delete(from: "pending_blocks").where("block_key", .in, chunk).run()
            return []
        }
        let columns = PlaceColumns.all
        try await db.insertBatched(into: P.table, columns: [P.id, P.blockKey] + columns.map(\.name),
                                   rows: merged.map { item in [item.id, item.place.blockKey] + columns.map { $0.value(item.place) } },
                                   maxBinds: maxBinds)
        try await db.insertBatched(
            into: S.table, columns: [S.placeID, S.position, S.source, S.sourceID, S.dateMaj],
            rows: merged.flatMap { item in
                item.provenances.enumerated().map { [item.id, $0.offset, $0.element.source.rawValue, $0.element.sourceID, $0.element.dateMaj.description] }
            }, maxBinds: maxBinds)
        try await db.insertBatched(
            into: L.table, columns: [L.placeID, L.field, L.position, L.value],
            rows: merged.flatMap { item in
                let place = item.place
                return [(L.typologie, place.typologie.map(\.rawValue)), (L.courriels, place.courriels), (L.siteWeb, place.siteWeb),
                        (L.autresFormationsLabels, place.autresFormationsLabels)]
                    .flatMap { field, values in values.enumerated().map { [item.id, field, $0.offset, $0.element] as [any Encodable & Sendable] } }
            }, maxBinds: maxBinds)
        try await db.insertBatched(
            into: U.table, columns: [U.placeID, U.position, U.field, U.value],
            rows: merged.flatMap { item in item.place.unmappedValues.enumerated().map { [item.id, $0.offset, $0.element.field, $0.element.value] } },
            maxBinds: maxBinds)
        try await ChangeLog.record(.places, keys: blocks, on: db, database: database)
    }
}
