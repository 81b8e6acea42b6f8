import Foundation
import SQLKit

/// Import reports in typed columns and child tables instead of one JSON body; the reports already stored are
/// converted with the shape they were written in (``ReportV1``).
struct TypedImportRuns: Migration {
    let name = "0009_typed_import_runs"

    private typealias R = ImportRunTables.Run
    private typealias J = ImportRunTables.Rejection
    private typealias W = ImportRunTables.Warning
    private typealias U = ImportRunTables.Unmapped

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: R.table).column(R.vocabularyRevision, type: .text).run()
        try await db.alter(table: R.table).column(R.convertedFrom, type: .text).run()
        try await db.create(table: J.table)
            .column(J.runID, type: .text, .notNull)
            .column(J.position, type: .int, .notNull)
            .column(J.line, type: .int, .notNull)
            .column(J.field, type: .text, .notNull)
            .column(J.value, type: .text, .notNull)
            .column(J.expected, type: .text, .notNull)
            .primaryKey(J.runID, J.position)
            .foreignKey([J.runID], references: R.table, [R.id], onDelete: .cascade)
            .check(SQLRaw("\(J.line) >= 0"), named: nil as String?)
            .run()
        try await db.create(table: W.table)
            .column(W.runID, type: .text, .notNull)
            .column(W.position, type: .int, .notNull)
            .column(W.line, type: .int, .notNull)
            .column(W.field, type: .text)
            .column(W.message, type: .text, .notNull)
            .primaryKey(W.runID, W.position)
            .foreignKey([W.runID], references: R.table, [R.id], onDelete: .cascade)
            .run()
        try await db.create(table: U.table)
            .column(U.runID, type: .text, .notNull)
            .column(U.value, type: .text, .notNull)
            .column(U.rows, type: .int, .notNull)
            .primaryKey(U.runID, U.value)
            .foreignKey([U.runID], references: R.table, [R.id], onDelete: .cascade)
            .check(SQLRaw("\(U.rows) >= 1"), named: nil as String?)
            .run()
        for row in try await db.select().columns(R.id, "report").from(R.table).all() {
            let id = try row.decode(column: R.id, as: String.self)
            let report = try JSONDecoder().decode(ReportV1.self, from: Data(try row.decode(column: "report", as: String.self).utf8))
            try await db.update(R.table).set(R.vocabularyRevision, to: SQLBind(report.vocabularyRevision))
                .set(R.convertedFrom, to: SQLBind(report.convertedFrom)).where(R.id, .equal, SQLBind(id)).run()
            try await ImportRunRepository.insertDetails(runID: id, rejections: report.rejections.map { ($0.line, $0.field, $0.value, $0.expected) },
                                                        warnings: report.warnings.map { ($0.line, $0.field, $0.message) },
                                                        unmapped: report.unmapped, on: db)
        }
        try await db.alter(table: R.table).dropColumn("report").run()
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
    }
}
