import SQLKit

/// The history of imports with their full reports.
struct CreateImportRuns: Migration {
    let name = "0003_import_runs"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "import_runs")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("file", type: .text, .notNull)
            .column("format", type: .text, .notNull)
            .column("started_at", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("rows_read", type: .bigint, .notNull)
            .column("accepted", type: .bigint, .notNull)
            .column("rejected", type: .bigint, .notNull)
            .column("report", type: .text, .notNull)
            .check(SQLRaw("status IN ('importé', 'rejeté')"), named: nil as String?)
            .run()
    }
}
