import Foundation
import SQLKit

/// Import reports in typed columns and child tables instead of one JSON body; the reports already stored are
/// converted with the shape they were written in (``ReportV1``).
struct TypedImportRuns: Migration {
    let name = "0009_typed_import_runs"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "import_runs").column("vocabulary_revision", type: .text).run()
        try await db.alter(table: "import_runs").column("converted_from", type: .text).run()
        try await db.create(table: "import_rejections")
            .column("run_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("line", type: .int, .notNull)
            .column("field", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .column("expected", type: .text, .notNull)
            .primaryKey("run_id", "position")
            .foreignKey(["run_id"], references: "import_runs", ["id"], onDelete: .cascade)
            .check(SQLRaw("line >= 0"), named: nil as String?)
            .run()
        try await db.create(table: "import_warnings")
            .column("run_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("line", type: .int, .notNull)
            .column("field", type: .text)
            .column("message", type: .text, .notNull)
            .primaryKey("run_id", "position")
            .foreignKey(["run_id"], references: "import_runs", ["id"], onDelete: .cascade)
            .run()
        try await db.create(table: "import_unmapped")
            .column("run_id", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .column("row_count", type: .int, .notNull)
            .primaryKey("run_id", "value")
            .foreignKey(["run_id"], references: "import_runs", ["id"], onDelete: .cascade)
            .check(SQLRaw("row_count >= 1"), named: nil as String?)
            .run()
        for row in try await db.select().columns("id", "report").from("import_runs").all() {
            let id = try row.decode(column: "id", as: String.self)
            let report = try JSONDecoder().decode(ReportV1.self, from: Data(try row.decode(column: "report", as: String.self).utf8))
            try await db.update("import_runs").set("vocabulary_revision", to: SQLBind(report.vocabularyRevision))
                .set("converted_from", to: SQLBind(report.convertedFrom)).where("id", .equal, SQLBind(id)).run()
            try await report.insertDetails(runID: id, on: db)
        }
        try await db.alter(table: "import_runs").dropColumn("report").run()
    }

    /// An import report as `0003_import_runs` and the repository of that time wrote it in JSON.
    private struct ReportV1: Decodable {
        struct Rejection: Decodable { var line: Int; var field: String; var value: String; var expected: String }
        struct Warning: Decodable { var line: Int; var field: String?; var message: String }
        var rejections: [Rejection]
        var warnings: [Warning]
        var unmapped: [String: Int]
        var vocabularyRevision: String?
        var convertedFrom: String?

        /// Writes the report's rejections, warnings and unmapped values into the tables created above.
        func insertDetails(runID: String, on db: any SQLDatabase) async throws {
            try await db.insertBatched(
                into: "import_rejections", columns: ["run_id", "position", "line", "field", "value", "expected"],
                rows: rejections.enumerated().map { [runID, $0.offset, $0.element.line, $0.element.field, $0.element.value, $0.element.expected] },
                maxBinds: 30_000)
            try await db.insertBatched(
                into: "import_warnings", columns: ["run_id", "position", "line", "field", "message"],
                rows: warnings.enumerated().map { [runID, $0.offset, $0.element.line, $0.element.field, $0.element.message] },
                maxBinds: 30_000)
            try await db.insertBatched(
                into: "import_unmapped", columns: ["run_id", "value", "row_count"],
                rows: unmapped.sorted { $0.key < $1.key }.map { [runID, $0.key, $0.value] }, maxBinds: 30_000)
        }
    }
}
