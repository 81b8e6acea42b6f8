import Foundation
import MaillageCore
import SQLKit

extension SQLDatabase {
    /// Inserts rows in as few statements as the bind limit allows. With `upsertOn`, a row whose key already exists
    /// replaces the stored values of the other columns.
    func insertBatched(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], maxBinds: Int,
        upsertOn key: [String] = []
    ) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, min(1_000, maxBinds / max(1, columns.count)))
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var insert = self.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert = insert.values(row.map { SQLBind($0) as any SQLExpression }) }
            if !key.isEmpty {
                insert = insert.onConflict(with: key) { update in
                    columns.filter { !key.contains($0) }.reduce(update) { $0.set(excludedValueOf: $1) }
                }
            }
            try await insert.run()
            start = end
        }
    }

    /// Runs `body` for `values` in chunks small enough for an `IN (…)` list.
    func inChunks<T: Sendable, R>(_ values: [T], size: Int = 500, _ body: ([T]) async throws -> [R]) async throws -> [R] {
        var results: [R] = []
        var start = 0
        while start < values.count {
            let end = min(values.count, start + size)
            results += try await body(Array(values[start..<end]))
            start = end
        }
        return results
    }
}
