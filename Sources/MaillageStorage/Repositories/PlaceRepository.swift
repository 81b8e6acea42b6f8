import MaillageCore
import MaillageSources
import SQLKit

/// Stores source records and the merged places built from them.
public struct PlaceRepository: Sendable {
    let database: AppDatabase

    /// What an import changed, record by record.
    public struct Changes: Codable, Sendable, Equatable {
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        /// Records whose stored version differs but is not older: kept, and reported here (`source:id`).
        public var conflicts: [String] = []
        /// Places rebuilt by this call; 0 for `stage`, whose merge comes later (`rebuildPendingBlocks`).
        public var placesRebuilt = 0

        public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, conflicts: [String] = [], placesRebuilt: Int = 0) {
            self.inserted = inserted
            self.updated = updated
            self.unchanged = unchanged
            self.conflicts = conflicts
            self.placesRebuilt = placesRebuilt
        }
    }

    /// Upserts the records by `(source, source_id)` and rebuilds the merged places of the communes they touch, in one
    /// transaction. A record identical to the stored one changes nothing; an older or same-date record that differs is a
    /// conflict: the stored version is kept and the conflict reported.
    public func importRecords(_ records: [SourceRecord], merger: PlaceMerger = PlaceMerger()) async throws -> Changes {
        let maxBinds = database.maxBindsPerStatement
        let encoded = try Self.encode(records)
        return try await database.transaction { db in
            var (changes, blocks, written) = try await store(encoded, on: db, maxBinds: maxBinds)
            changes.placesRebuilt = try await rebuild(blocks: blocks.sorted(), on: db, merger: merger, known: written, maxBinds: maxBinds)
            return changes
        }
    }

    /// Upserts the records like `importRecords`, in one transaction, but only marks the communes they touch as pending:
    /// an import of several files stages each file, then merges once with `rebuildPendingBlocks`.
    /// - Returns: what changed, and the records now stored as given (for the merge to reuse without decoding them).
    public func stage(_ records: [SourceRecord]) async throws -> (changes: Changes, written: [SourceRecord]) {
        let maxBinds = database.maxBindsPerStatement
        let encoded = try Self.encode(records)
        return try await database.transaction { db in
            let (changes, blocks, written) = try await store(encoded, on: db, maxBinds: maxBinds)
            let pending = Set(try await db.select().column("block_key").from("pending_blocks").all(decodingColumn: "block_key", as: String.self))
            try await db.insertBatched(into: "pending_blocks", columns: ["block_key"],
                                       rows: blocks.subtracting(pending).sorted().map { [$0] }, maxBinds: maxBinds)
            return (changes, written)
        }
    }

    /// Rebuilds the merged places of every pending commune, in one transaction, and clears them.
    /// - Parameter known: records known to be stored as they are (from `stage`), merged without decoding their JSON.
    /// - Returns: the number of places rebuilt.
    @discardableResult
    public func rebuildPendingBlocks(merger: PlaceMerger = PlaceMerger(), known: [SourceRecord] = []) async throws -> Int {
        let maxBinds = database.maxBindsPerStatement
        return try await database.transaction { db in
            let blocks = try await db.select().column("block_key").from("pending_blocks").all(decodingColumn: "block_key", as: String.self)
            guard !blocks.isEmpty else { return 0 }
            let rebuilt = try await rebuild(blocks: blocks.sorted(), on: db, merger: merger, known: known, maxBinds: maxBinds)
            try await db.delete(from: "pending_blocks").run()
            return rebuilt
        }
    }

    private static func encode(_ records: [SourceRecord]) throws -> [(SourceRecord, String)] {
        Array(zip(records, try JSONColumn.encode(all: records)))
    }

    /// Writes new and newer records; returns the changes, the blocks touched and the records stored as given.
    private func store(_ encoded: [(SourceRecord, String)], on db: any SQLDatabase, maxBinds: Int) async throws
        -> (changes: Changes, blocks: Set<String>, written: [SourceRecord]) {
        var changes = Changes()
        let sources = Set(encoded.map(\.0.provenance.source.rawValue)).sorted()
        var stored: [String: (fingerprint: String, date: String, block: String)] = [:]
        for row in try await db.select().columns("source", "source_id", "fingerprint", "date_maj", "block_key")
            .from("source_records").where("source", .in, sources).all() {
            let key = "\(try row.decode(column: "source", as: String.self)):\(try row.decode(column: "source_id", as: String.self))"
            stored[key] = (try row.decode(column: "fingerprint", as: String.self), try row.decode(column: "date_maj", as: String.self),
                           try row.decode(column: "block_key", as: String.self))
        }
        var writes: [[any Encodable & Sendable]] = []
        var blocks: Set<String> = []
        var written: [SourceRecord] = []
        for (record, body) in encoded {
            let fingerprint = StableHash.hex(body)
            let date = record.provenance.dateMaj.description
            if let existing = stored[record.provenance.key] {
                if existing.fingerprint == fingerprint { changes.unchanged += 1; written.append(record); continue }
                guard date > existing.date else { changes.conflicts.append(record.provenance.key); continue }
                changes.updated += 1
                blocks.insert(existing.block)
            } else {
                changes.inserted += 1
            }
            blocks.insert(record.blockKey)
            written.append(record)
            writes.append([record.provenance.source.rawValue, record.provenance.sourceID, date, record.blockKey, fingerprint, body])
        }
        try await db.insertBatched(into: "source_records", columns: ["source", "source_id", "date_maj", "block_key", "fingerprint", "body"],
                                   rows: writes, maxBinds: maxBinds, upsertOn: ["source", "source_id"])
        return (changes, blocks, written)
    }

    /// Re-merges every record of the given blocks and replaces their places.
    private func rebuild(blocks: [String], on db: any SQLDatabase, merger: PlaceMerger, known: [SourceRecord], maxBinds: Int) async throws -> Int {
        guard !blocks.isEmpty else { return 0 }
        let knownByKey = Dictionary(known.map { ($0.provenance.key, $0) }, uniquingKeysWith: { _, last in last })
        let records: [SourceRecord] = try await db.inChunks(blocks) { chunk in
            try await db.select().columns("source", "source_id", "body").from("source_records").where("block_key", .in, chunk).all()
                .map { row in
                    let key = "\(try row.decode(column: "source", as: String.self)):\(try row.decode(column: "source_id", as: String.self))"
                    return try knownByKey[key] ?? JSONColumn.decode(SourceRecord.self, from: try row.decode(column: "body", as: String.self))
                }
        }
        let merged = merger.merge(records)
        let _: [Int] = try await db.inChunks(blocks) { chunk in
            try await db.delete(from: "places").where("block_key", .in, chunk).run()
            return []
        }
        let placeRows: [[any Encodable & Sendable]] = zip(merged, try JSONColumn.encode(all: merged)).map { item, body in
            let place = item.place
            return [place.id, place.nom, SourceRecord(provenance: item.provenances[0], place: place).blockKey, place.codeInsee?.rawValue,
                    place.codePostal, place.coordinate?.latitude, place.coordinate?.longitude, place.precision.rawValue,
                    place.dateMaj.description, body]
        }
        try await db.insertBatched(
            into: "places",
            columns: ["id", "nom", "block_key", "commune_code", "code_postal", "latitude", "longitude", "precision", "date_maj", "body"],
            rows: placeRows, maxBinds: maxBinds)
        try await db.insertBatched(
            into: "place_sources", columns: ["source", "source_id", "place_id"],
            rows: merged.flatMap { item in item.provenances.map { [$0.source.rawValue, $0.sourceID, item.id] } }, maxBinds: maxBinds)
        return merged.count
    }
}
