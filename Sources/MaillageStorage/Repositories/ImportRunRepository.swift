import Foundation
import MaillageSources
import SQLKit

/// The history of imports, each with its full report.
public struct ImportRunRepository: Sendable {
    let database: AppDatabase

    /// One import as recorded.
    public struct Run: Sendable {
        public var id: String
        public var startedAt: String
        public var status: String
        public var report: ImportReport
    }

    /// Records an import inside the caller's transaction (the one that stored the file, so that both or neither stay);
    /// `imported` false means the file was rejected and nothing else changed.
    public func record(_ report: ImportReport, imported: Bool, on db: any SQLDatabase) async throws {
        let body = try JSONColumn.encode(report)
        try await db.insert(into: "import_runs")
            .columns("id", "file", "format", "started_at", "status", "rows_read", "accepted", "rejected", "report")
            .values(SQLBind(UUID().uuidString), SQLBind(report.file), SQLBind(report.format),
                    SQLBind(ISO8601DateFormatter().string(from: Date())), SQLBind(imported ? "importé" : "rejeté"),
                    SQLBind(report.rowsRead), SQLBind(report.accepted), SQLBind(report.rejected), SQLBind(body))
            .run()
    }

    /// The most recent runs first.
    public func recent(limit: Int = 50) async throws -> [Run] {
        try await database.sql.select().columns("id", "started_at", "status", "report").from("import_runs")
            .orderBy("started_at", .descending).limit(limit).all().map { row in
                Run(id: try row.decode(column: "id", as: String.self), startedAt: try row.decode(column: "started_at", as: String.self),
                    status: try row.decode(column: "status", as: String.self),
                    report: try JSONColumn.decode(ImportReport.self, from: try row.decode(column: "report", as: String.self)))
            }
    }
}
