import Foundation
import MaillageSources
import SQLKit

/// The history of imports, each with its full report, in typed columns. Runs are kept for ``retention``: a report
/// quotes rejected values as the source wrote them, which are not kept longer than an import needs reviewing.
public struct ImportRunRepository: Sendable {
    let database: AppDatabase

    private typealias R = ImportRunTables.Run
    private typealias J = ImportRunTables.Rejection
    private typealias W = ImportRunTables.Warning
    private typealias U = ImportRunTables.Unmapped

    /// How long runs and their reports are kept (about 13 months: a yearly cycle of imports, compared).
    static let retention: TimeInterval = 400 * 24 * 3600

    /// One import as recorded.
    public struct Run: Sendable {
        public var id: String
        public var startedAt: String
        public var status: String
        public var report: ImportReport
    }

    /// Records an import inside the caller's transaction (the one that stored the file, so that both or neither stay),
    /// and prunes runs older than the retention; `imported` false means the file was rejected and nothing else changed.
    public func record(_ report: ImportReport, imported: Bool, on db: any SQLDatabase) async throws {
        let id = UUID().uuidString
        let now = Date()
        let stamp = Timestamp.text(now)
        try await db.insert(into: R.table)
            .columns(R.id, R.file, R.format, R.startedAt, R.status, R.rowsRead, R.accepted, R.rejected, R.vocabularyRevision, R.convertedFrom)
            .values(
                SQLBind(id), SQLBind(report.file), SQLBind(report.format), SQLBind(stamp), SQLBind(imported ? "importé" : "rejeté"),
                SQLBind(report.rowsRead), SQLBind(report.accepted), SQLBind(report.rejected), SQLBind(report.vocabularyRevision),
                SQLBind(report.convertedFrom)
            )
            .run()
        try await Self.insertDetails(
            runID: id, rejections: report.rejections.map { ($0.line, $0.field, $0.value, $0.expected) },
            warnings: report.warnings.map { ($0.line, $0.field, $0.message) }, unmapped: report.unmapped, on: db)
        try await db.delete(from: R.table).where(R.startedAt, .lessThan, SQLBind(Timestamp.text(now - Self.retention))).run()
    }

    /// The most recent runs first, with their whole reports.
    public func recent(limit: Int = 50) async throws -> [Run] {
        let db = database.sql
        let rows = try await db.select().columns(
            R.id, R.file, R.format, R.startedAt, R.status, R.rowsRead, R.accepted, R.rejected, R.vocabularyRevision,
            R.convertedFrom
        )
        .from(R.table).orderBy(R.startedAt, .descending).limit(limit).all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: R.id, as: String.self) }
        var reports: [String: ImportReport] = [:]
        for (row, id) in zip(rows, ids) {
            var report = ImportReport(
                file: try row.decode(column: R.file, as: String.self), format: try row.decode(column: R.format, as: String.self))
            report.rowsRead = try row.decode(column: R.rowsRead, as: Int.self)
            report.accepted = try row.decode(column: R.accepted, as: Int.self)
            report.rejected = try row.decode(column: R.rejected, as: Int.self)
            report.vocabularyRevision = try row.decode(column: R.vocabularyRevision, as: String?.self)
            report.convertedFrom = try row.decode(column: R.convertedFrom, as: String?.self)
            reports[id] = report
        }
        for row in try await db.select().columns(J.runID, J.line, J.field, J.value, J.expected).from(J.table).where(J.runID, .in, ids)
            .orderBy(J.runID).orderBy(J.position).all()
        {
            reports[try row.decode(column: J.runID, as: String.self)]?.reject(
                line: try row.decode(column: J.line, as: Int.self), field: try row.decode(column: J.field, as: String.self),
                value: try row.decode(column: J.value, as: String.self), expected: try row.decode(column: J.expected, as: String.self))
        }
        for row in try await db.select().columns(W.runID, W.line, W.field, W.message).from(W.table).where(W.runID, .in, ids)
            .orderBy(W.runID).orderBy(W.position).all()
        {
            reports[try row.decode(column: W.runID, as: String.self)]?.warn(
                line: try row.decode(column: W.line, as: Int.self), field: try row.decode(column: W.field, as: String?.self),
                try row.decode(column: W.message, as: String.self))
        }
        for row in try await db.select().columns(U.runID, U.value, U.rows).from(U.table).where(U.runID, .in, ids).all() {
            reports[try row.decode(column: U.runID, as: String.self)]?.unmapped[try row.decode(column: U.value, as: String.self)] =
                try row.decode(column: U.rows, as: Int.self)
        }
        return try zip(rows, ids).map { row, id in
            Run(
                id: id, startedAt: try row.decode(column: R.startedAt, as: String.self), status: try row.decode(column: R.status, as: String.self),
                report: reports[id]!)
        }
    }

    /// Writes a report's rejections, warnings and unmapped values.
    static func insertDetails(
        runID: String, rejections: [(Int, String, String, String)], warnings: [(Int, String?, String)],
        unmapped: [String: Int], on db: any SQLDatabase
    ) async throws {
        try await db.insertBatched(
            into: J.table, columns: [J.runID, J.position, J.line, J.field, J.value, J.expected],
            rows: rejections.enumerated().map { [runID, $0.offset, $0.element.0, $0.element.1, $0.element.2, $0.element.3] },
            maxBinds: 30_000)
        try await db.insertBatched(
            into: W.table, columns: [W.runID, W.position, W.line, W.field, W.message],
            rows: warnings.enumerated().map { [runID, $0.offset, $0.element.0, $0.element.1, $0.element.2] },
            maxBinds: 30_000)
        try await db.insertBatched(
            into: U.table, columns: [U.runID, U.value, U.rows],
            rows: unmapped.sorted { $0.key < $1.key }.map { [runID, $0.key, $0.value] }, maxBinds: 30_000)
    }
}
