/// Where Maillage keeps its data.
public enum DatabaseConfiguration: Sendable, Equatable {
    /// An SQLite file (the embedded default), in WAL mode.
    case sqlite(path: String)
    /// A private in-memory SQLite database (tests).
    case sqliteInMemory
    /// A PostgreSQL server, for deployments with several application instances.
    case postgres(url: String)

    /// Reads `postgres://…` / `postgresql://…` URLs as PostgreSQL, `:memory:` as in-memory SQLite, anything else as an SQLite path.
    public init(_ text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text == ":memory:" {
            self = .sqliteInMemory
        } else {
            self = .sqlite(path: text)
        }
    }
}

extension DatabaseConfiguration {
    /// An embedded SQLite database serves one instance, which may migrate it at start; PostgreSQL is shared by several
    /// instances and is migrated explicitly (`maillage migrate`) before they start.
    public var migratesAtStartByDefault: Bool {
        switch self {
        case .sqlite, .sqliteInMemory: true
        case .postgres: false
        }
    }

    /// Whether this is a PostgreSQL server (backed up with `pg_dump`) rather than an SQLite file.
    public var isPostgres: Bool {
        if case .postgres = self { true } else { false }
    }
}
