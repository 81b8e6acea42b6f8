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
        let encoded = try records.map { record -> (SourceRecord, String) in (record, try JSONColumn.encode(record)) }
        return try await database.transaction { db in
            var changes = Changes()
            let sources = Set(records.map(\.provenance.source.rawValue)).sorted()
            var stored: [String: (fingerprint: String, date: String, block: String)] = [:]
            for row in try await db.select().columns("source", "source_id", "fingerprint", "date_maj", "block_key")
                .from("source_records").where("source", .in, sources).all() {
                let key = "\(try row.decode(column: "source", as: String.self)):\(try row.decode(column: "source_id", as: String.self))"
                stored[key] = (try row.decode(column: "fingerprint", as: String.self), try row.decode(column: "date_maj", as: String.self),
                               try row.decode(column: "block_key", as: String.self))
            }
            var writes: [[any Encodable & Sendable]] = []
            var blocks: Set<String> = []
            for (record, body) in encoded {
                let fingerprint = StableHash.hex(body)
                let date = record.provenance.dateMaj.description
                if let existing = stored[record.provenance.key] {
                    if existing.fingerprint == fingerprint { changes.unchanged += 1; continue }
                    guard date > existing.date else { changes.conflicts.append(record.provenance.key); continue }
                    changes.updated += 1
                    blocks.insert(existing.block)
                } else {
                    changes.inserted += 1
                }
                blocks.insert(record.blockKey)
                writes.append([record.provenance.source.rawValue, record.provenance.sourceID, date, record.blockKey, fingerprint, body])
            }
            try await db.insertBatched(into: "source_records", columns: ["source", "source_id", "date_maj", "block_key", "fingerprint", "body"],
                                       rows: writes, maxBinds: maxBinds, upsertOn: ["source", "source_id"])
            changes.placesRebuilt = try await rebuild(blocks: blocks.sorted(), on: db, merger: merger, maxBinds: maxBinds)
            return changes
        }
    }

    /// Re-merges every record of the given blocks and replaces their places.
    private func rebuild(blocks: [String], on db: any SQLDatabase, merger: PlaceMerger, maxBinds: Int) async throws -> Int {
        guard !blocks.isEmpty else { return 0 }
        let records: [SourceRecord] = try await db.inChunks(blocks) { chunk in
            try await db.select().column("body").from("source_records").where("block_key", .in, chunk).all()
                .map { try JSONColumn.decode(SourceRecord.self, from: try $0.decode(column: "body", as: String.self)) }
        }
        let merged = merger.merge(records)
        let _: [Int] = try await db.inChunks(blocks) { chunk in
            try await db.delete(from: "places").where("block_key", .in, chunk).run()
            return []
        }
        let placeRows: [[any Encodable & Sendable]] = try merged.map { item in
            let place = item.place
            return [place.id, place.nom, SourceRecord(provenance: item.provenances[0], place: place).blockKey, place.codeInsee?.rawValue,
                    place.codePostal, place.coordinate?.latitude, place.coordinate?.longitude, place.precision.rawValue,
                    place.dateMaj.description, try JSONColumn.encode(item)]
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
