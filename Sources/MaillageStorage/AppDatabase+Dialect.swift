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

    /// Largest number of bound values one statement may carry (SQLite 32,766; PostgreSQL 65,535), with a margin.
    var maxBindsPerStatement: Int {
        switch backend {
        case .sqlite: 30_000
        case .postgres: 60_000
        }
    }

    /// The type of a column holding large text (JSON bodies, boundaries).
    var largeTextType: SQLDataType { .text }
}

extension SQLDatabase {
    /// 8-byte floating point: SQLite's REAL is one, PostgreSQL's REAL is only 4 bytes (too coarse for coordinates).
    var doubleType: SQLDataType {
        dialect.name == "postgresql" ? .custom(SQLRaw("DOUBLE PRECISION")) : .real
    }
}
