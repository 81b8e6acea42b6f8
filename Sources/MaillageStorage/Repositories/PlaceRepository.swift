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

    /// Records to store, as rows (made on every core) before the transaction opens.
    public struct EncodedRecords: Sendable {
        let rows: [(record: SourceRecord, row: PlaceRow, fingerprint: String, readerVersion: Int)]
    }

    /// The typed rows of the merged places.
    static let mergedRows = PlaceRows(set: PlaceTables.merged, ownColumns: [PlaceTables.Place.blockKey])

    /// The typed rows of the source records; their fingerprint and reader version come last.
    static let recordRows = PlaceRows(
        set: PlaceTables.records,
        ownColumns: [
            PlaceTables.Record.source, PlaceTables.Record.sourceID, PlaceTables.Record.placeID, PlaceTables.Record.provenanceDate,
            PlaceTables.Record.blockKey, PlaceTables.Record.fingerprint, PlaceTables.Record.readerVersion
        ])

    /// Makes the rows of records for ``stage(_:on:)``; `readerVersion` says which version of its reader produced each.
    public static func encode(_ records: [SourceRecord], readerVersion: @Sendable (SourceKind) -> Int) -> EncodedRecords {
        EncodedRecords(
            rows: records.concurrentMap { record in
                let provenance = record.provenance
                var row = PlaceRow(
                    key: provenance.key,
                    own: [provenance.source.rawValue, provenance.sourceID, record.place.id, provenance.dateMaj.description, record.blockKey],
                    place: record.place)
                let fingerprint = RecordFingerprint.of(row.allValues)
                let version = readerVersion(provenance.source)
                row.own += [fingerprint, version]
                return (record, row, fingerprint, version)
            })
    }

    /// Upserts the records by `(source, source_id)` and marks the communes (blocks) they touch as pending a merge.
    ///
    /// A record identical to the stored one changes nothing. A different one replaces the stored one when it is newer
    /// or was read by a newer reader; otherwise it is a conflict: the stored version is kept and the conflict reported.
    /// - Returns: what changed, the blocks touched, and the records now stored as given (for the merge to reuse).
    public func stage(
        _ encoded: EncodedRecords, on db: any SQLDatabase
    ) async throws
        -> (changes: Changes, blocks: Set<String>, written: [SourceRecord])
    {
        let sources = Set(encoded.rows.map(\.record.provenance.source.rawValue))
        return try await stage(encoded, stored: try await storedVersions(of: sources, on: db), on: db)
    }

    /// The same for many records, encoded and written a chunk at a time (the stored versions read once), so that
    /// memory holds one chunk's rows, not a whole national file's.
    public func stage(
        _ records: [SourceRecord], readerVersion: @Sendable (SourceKind) -> Int, chunkSize: Int = 2_000,
        on db: any SQLDatabase
    ) async throws -> (changes: Changes, blocks: Set<String>, written: [SourceRecord]) {
        let stored = try await storedVersions(of: Set(records.map(\.provenance.source.rawValue)), on: db)
        var changes = Changes(), blocks: Set<String> = [], written: [SourceRecord] = []
        for start in stride(from: 0, to: records.count, by: chunkSize) {
            let chunk = Array(records[start..<min(start + chunkSize, records.count)])
            let part = try await stage(Self.encode(chunk, readerVersion: readerVersion), stored: stored, on: db)
            changes.inserted += part.changes.inserted
            changes.updated += part.changes.updated
            changes.unchanged += part.changes.unchanged
            changes.conflicts += part.changes.conflicts
            blocks.formUnion(part.blocks)
            written += part.written
        }
        return (changes, blocks, written)
    }

    private typealias StoredVersion = (fingerprint: String, date: String, block: String, readerVersion: Int)

    /// The fingerprint, date, block and reader version of every stored record of these sources.
    private func storedVersions(of sources: Set<String>, on db: any SQLDatabase) async throws -> [String: StoredVersion] {
        typealias R = PlaceTables.Record
        var stored: [String: StoredVersion] = [:]
        for row in try await db.select().columns(R.key, R.fingerprint, R.provenanceDate, R.blockKey, R.readerVersion)
            .from(R.table).where(R.source, .in, sources.sorted()).all()
        {
            stored[try row.decode(column: R.key, as: String.self)] = (
                try row.decode(column: R.fingerprint, as: String.self), try row.decode(column: R.provenanceDate, as: String.self),
                try row.decode(column: R.blockKey, as: String.self), try row.decode(column: R.readerVersion, as: Int.self)
            )
        }
        return stored
    }

    private func stage(
        _ encoded: EncodedRecords, stored: [String: StoredVersion], on db: any SQLDatabase
    ) async throws
        -> (changes: Changes, blocks: Set<String>, written: [SourceRecord])
    {
        typealias R = PlaceTables.Record
        var changes = Changes()
        var writes: [PlaceRow] = []
        var replaced: [String] = []
        var blocks: Set<String> = []
        var written: [SourceRecord] = []
        for (record, row, fingerprint, readerVersion) in encoded.rows {
            let date = record.provenance.dateMaj.description
            if let existing = stored[record.provenance.key] {
                if existing.fingerprint == fingerprint { changes.unchanged += 1; written.append(record); continue }
                guard date > existing.date || readerVersion > existing.readerVersion else {
                    changes.conflicts.append(record.provenance.key)
                    continue
                }
                changes.updated += 1
                replaced.append(record.provenance.key)
                blocks.insert(existing.block)
            } else {
                changes.inserted += 1
            }
            blocks.insert(record.blockKey)
            written.append(record)
            writes.append(row)
        }
        let rows = Self.recordRows
        try await rows.deleteChildren(of: replaced, on: db)
        try await rows.insert(writes, upsertOn: [R.source, R.sourceID], on: db)
        let pending = Set(try await pendingBlocks(on: db))
        try await db.insertBatched(
            into: PlaceTables.PendingBlock.table, columns: [PlaceTables.PendingBlock.blockKey],
            rows: blocks.subtracting(pending).sorted().map { [$0] }, maxBinds: database.maxBindsPerStatement)
        return (changes, blocks, written)
    }

    /// Marks the blocks of these records as pending a merge (a validated declaration changes what their places are).
    public func markPending(records keys: [String], on db: any SQLDatabase) async throws {
        typealias R = PlaceTables.Record
        let blocks = Set(
            try await db.inChunks(keys) { chunk in
                try await db.select().column(R.blockKey).from(R.table).where(R.key, .in, chunk).all(decodingColumn: R.blockKey, as: String.self)
            })
        let pending = Set(try await pendingBlocks(on: db))
        try await db.insertBatched(
            into: PlaceTables.PendingBlock.table, columns: [PlaceTables.PendingBlock.blockKey],
            rows: blocks.subtracting(pending).sorted().map { [$0] }, maxBinds: database.maxBindsPerStatement)
    }

    /// The blocks whose records changed since their places were last rebuilt.
    public func pendingBlocks(on db: any SQLDatabase) async throws -> [String] {
        typealias B = PlaceTables.PendingBlock
        return try await db.select().column(B.blockKey).from(B.table).orderBy(B.blockKey).all(decodingColumn: B.blockKey, as: String.self)
    }

    /// Every stored record of the blocks; records in `known` (by provenance key) are taken as given, not read.
    public func records(inBlocks blocks: [String], known: [String: SourceRecord], on db: any SQLDatabase) async throws -> [SourceRecord] {
        typealias R = PlaceTables.Record
        let keys: [String] = try await db.inChunks(blocks) { chunk in
            try await db.select().column(R.key).from(R.table).where(R.blockKey, .in, chunk).all(decodingColumn: R.key, as: String.self)
        }
        let unknown = keys.filter { known[$0] == nil }
        let read =
            unknown.isEmpty
            ? []
            : try await db.inChunks(unknown) { chunk in
                try await Self.recordRows.load(db.select().from(R.table).where(R.key, .in, chunk), scope: .keys(chunk), on: db)
            }
        let stored = Dictionary(
            uniqueKeysWithValues: try read.map {
                let record = try Self.record($0); return (record.provenance.key, record)
            })
        return keys.compactMap { known[$0] ?? stored[$0] }
    }

    /// The record of a row of ``recordRows``.
    static func record(_ loaded: (row: any SQLRow, place: Place)) throws -> SourceRecord {
        typealias R = PlaceTables.Record
        guard let kind = SourceKind(rawValue: try loaded.row.decode(column: R.source, as: String.self)) else {
            throw StoredValueError(column: R.source)
        }
        guard let day = CalendarDay(try loaded.row.decode(column: R.provenanceDate, as: String.self)) else {
            throw StoredValueError(column: R.provenanceDate)
        }
        return SourceRecord(
            provenance: Provenance(source: kind, sourceID: try loaded.row.decode(column: R.sourceID, as: String.self), dateMaj: day),
            place: loaded.place)
    }

    /// Replaces the places of the blocks with `merged` and clears the blocks from the pending list.
    public func replacePlaces(inBlocks blocks: [String], with merged: [MergedPlace], on db: any SQLDatabase) async throws {
        typealias P = PlaceTables.Place
        typealias S = PlaceTables.Source
        let maxBinds = database.maxBindsPerStatement
        let _: [Int] = try await db.inChunks(blocks) { chunk in
            try await db.delete(from: P.table).where(P.blockKey, .in, chunk).run()
            try await db.delete(from: PlaceTables.PendingBlock.table).where(PlaceTables.PendingBlock.blockKey, .in, chunk).run()
            return []
        }
        try await Self.mergedRows.insert(merged.map { PlaceRow(key: $0.id, own: [$0.place.blockKey], place: $0.place) }, on: db)
        try await db.insertBatched(
            into: S.table, columns: [S.placeID, S.position, S.source, S.sourceID, S.dateMaj],
            rows: merged.flatMap { item in
                // Validated fields name their declaration, not a record: the place page shows them from the builder.
                item.provenances.filter(\.isRecord).enumerated().map {
                    [item.id, $0.offset, $0.element.source.rawValue, $0.element.sourceID, $0.element.dateMaj.description]
                }
            }, maxBinds: maxBinds)
        try await ChangeLog.record(.places, keys: blocks, on: db, database: database)
    }
}
