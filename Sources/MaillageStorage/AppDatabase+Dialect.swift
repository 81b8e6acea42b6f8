import SQLKit

/// Everything that differs between SQLite and PostgreSQL, in one place.
extension AppDatabase {
    /// SQLite takes the write lock at once so that a transaction never fails half-way on a busy database.
    var beginStatement: SQLQueryString {
        switch backend {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }

    /// Taken at the start of the migration transaction (and of ``AppDatabase/setupTransaction(_:)``) so that concurrent
    /// instances migrate or set up one after the other; released with the transaction. SQLite needs none:
    /// `BEGIN IMMEDIATE` already serialises writers.
    var migrationLockStatement: SQLQueryString? {
        switch backend {
        case .sqlite: nil
        case .postgres: "SELECT pg_advisory_xact_lock(\(literal: Migrator.advisoryLockKey))"
        }
    }

    /// Taken before appending to the change log, held until commit: sequence numbers are then given in commit order.
    var changeLogLockStatement: SQLQueryString? {
        switch backend {
        case .sqlite: nil
        case .postgres: "LOCK TABLE \(ident: ChangeLogTables.Entry.table) IN EXCLUSIVE MODE"
        }
    }

    /// Largest number of bound values one statement may carry.
    var maxBindsPerStatement: Int { sql.maxBindsPerStatement }

    /// A throttle's wait after a counter's last attempt, in seconds, from the counter's row: the rule's first wait,
    /// doubled at each attempt beyond the free ones, at most its longest wait. SQLite's two-argument `MIN`/`MAX` are
    /// PostgreSQL's `LEAST`/`GREATEST`.
    func waitExpression(_ rule: AttemptThrottle.Rule) -> SQLQueryString {
        let (least, greatest) = backend == .sqlite ? ("MIN", "MAX") : ("LEAST", "GREATEST")
        let beyond: SQLQueryString =
            "\(ident: AccountTables.AttemptCounter.table).\(ident: AccountTables.AttemptCounter.attempts) - \(bind: rule.free)"
        return """
            \(unsafeRaw: least)(\(bind: rule.longestWait), \(bind: rule.firstWait) * (1 << CAST(\(unsafeRaw: greatest)(0, \(unsafeRaw: least)(\(beyond), 20)) AS INTEGER)))
            """
    }
}

extension SQLDatabase {
    /// Largest number of bound values one statement may carry (SQLite 32,766; PostgreSQL 65,535), with a margin.
    var maxBindsPerStatement: Int {
        dialect.name == "postgresql" ? 60_000 : 30_000
    }

    /// A boolean: PostgreSQL's BOOLEAN; SQLite stores it as 0 or 1 under the same declared type.
    var booleanType: SQLDataType { .custom(SQLRaw("BOOLEAN")) }

    /// An auto-incremented key: SQLite only auto-increments an `INTEGER PRIMARY KEY`; PostgreSQL takes a 64-bit identity.
    var sequenceType: SQLDataType {
        dialect.name == "postgresql" ? .bigint : .int
    }

    /// 8-byte floating point: SQLite's REAL is one, PostgreSQL's REAL is only 4 bytes (too coarse for coordinates).
    var doubleType: SQLDataType {
        dialect.name == "postgresql" ? .custom(SQLRaw("DOUBLE PRECISION")) : .real
    }

    /// Makes the next generated key follow the largest stored one, after rows were copied with their keys: PostgreSQL's
    /// identity sequence does not see explicit values; SQLite already continues from the largest key.
    func continueSequence(table: String, column: String) async throws {
        guard dialect.name == "postgresql" else { return }
        try await raw(
            """
            SELECT setval(pg_get_serial_sequence(\(literal: table), \(literal: column)), COALESCE((SELECT MAX(\(ident: column)) FROM \(ident: table)), 0) + 1, false)
            """
        ).run()
    }
}
