import Foundation
import MaillageCore
import SQLKit

/// Source records written as the schema before 0011 wrote them: one JSON body per record (today's `Codable` shape, with
/// sorted keys), its hash as fingerprint, and the communes they touch pending a merge.
enum PreviousSchemaRecords {
    static func store(_ records: [SourceRecord], readerVersion: Int = 1, on db: any SQLDatabase) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for record in records {
            let body = String(decoding: try encoder.encode(record), as: UTF8.self)
            try await db.insert(into: "source_records")
                .columns("source", "source_id", "date_maj", "block_key", "fingerprint", "reader_version", "body")
                .values(
                    SQLBind(record.provenance.source.rawValue), SQLBind(record.provenance.sourceID),
                    SQLBind(record.provenance.dateMaj.description), SQLBind(record.blockKey), SQLBind(StableHash.hex(body)),
                    SQLBind(readerVersion), SQLBind(body)
                )
                .run()
        }
        for block in Set(records.map(\.blockKey)).sorted() {
            try await db.insert(into: "pending_blocks").columns("block_key").values(SQLBind(block)).ignoringConflicts().run()
        }
    }
}
