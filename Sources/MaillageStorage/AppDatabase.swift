import Logging
import SQLKit
import Synchronization

/// The database of a Maillage installation: owns the connection(s), runs the migrations, vends repositories.
///
/// One code path for SQLite and PostgreSQL; what differs between them lives in `AppDatabase+Dialect.swift`.
public final class AppDatabase: Sendable {
    public let sql: any SQLDatabase
    public let backend: Backend
    let logger: Logger
    private let close: @Sendable () async throws -> Void
    private let writeLock = WriteLock()
    private let closed = Mutex(false)

    public enum Backend: String, Sendable { case sqlite, postgres }

    /// What opening does with the schema.
    public enum SchemaPolicy: Sendable, Equatable {
        /// Applies pending migrations (under a lock): `maillage migrate`, a single instance, tests.
        case migrate
        /// Refuses a schema that is not exactly this version's (``SchemaOutOfDate``), changing nothing.
        case requireCurrent
        /// Neither: an administrative connection (creating or dropping test databases).
        case unchecked
    }

    /// Opens the database and checks or migrates its schema as `schema` says.
    public static func open(
        _ configuration: DatabaseConfiguration, logger: Logger = Logger(label: "maillage.db"),
        schema: SchemaPolicy = .requireCurrent
    ) async throws -> AppDatabase {
        let database: AppDatabase
        switch configuration {
        case .sqlite(let path):
            let (sql, close) = try await SQLiteDriver.open(path: path, logger: logger)
            database = AppDatabase(sql: sql, backend: .sqlite, logger: logger, close: close)
        case .sqliteInMemory:
            let (sql, close) = try await SQLiteDriver.open(path: nil, logger: logger)
            database = AppDatabase(sql: sql, backend: .sqlite, logger: logger, close: close)
        case .postgres(let url):
            let (sql, close) = try PostgresDriver.open(url: url, logger: logger)
            database = AppDatabase(sql: sql, backend: .postgres, logger: logger, close: close)
        }
        do {
            switch schema {
            case .migrate: _ = try await database.migrate()
            case .requireCurrent: try await database.requireCurrentSchema()
            case .unchecked: break
            }
        } catch {
            try? await database.shutdown()
            throw error
        }
        return database
    }

    private init(sql: any SQLDatabase, backend: Backend, logger: Logger, close: @escaping @Sendable () async throws -> Void) {
        self.sql = sql
        self.backend = backend
        self.logger = logger
        self.close = close
    }

    /// Runs `body` in one transaction on one connection; any error rolls everything back.
    /// Writers are serialised so that an embedded SQLite connection never interleaves two transactions.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writeLock.run {
            try await self.sql.withSession { session in
                try await session.raw(self.beginStatement).run()
                do {
                    let result = try await body(session)
                    try await session.raw("COMMIT").run()
                    return result
                } catch {
                    try? await session.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    /// Closes the connection(s); closing again does nothing (the application's service and its owner may both close).
    public func shutdown() async throws {
        guard
            closed.withLock({ wasClosed in
                defer { wasClosed = true }; return !wasClosed
            })
        else { return }
        try await close()
    }

    public var territories: TerritoryRepository { TerritoryRepository(database: self) }
    public var places: PlaceRepository { PlaceRepository(database: self) }
    public var importRuns: ImportRunRepository { ImportRunRepository(database: self) }
    public var personas: PersonaRepository { PersonaRepository(database: self) }
    public var changes: ChangeLog { ChangeLog(database: self) }
    public var accounts: AccountRepository { AccountRepository(database: self) }
    public var sessions: SessionRepository { SessionRepository(database: self) }
    public var links: OneTimeLinkRepository { OneTimeLinkRepository(database: self) }
    public var recoveryCodes: RecoveryCodeRepository { RecoveryCodeRepository(database: self) }
    public var attemptThrottle: AttemptThrottle { AttemptThrottle(database: self) }
    public var audit: AuditRepository { AuditRepository(database: self) }
    public var declarations: DeclarationRepository { DeclarationRepository(database: self) }
    public var structures: StructureRepository { StructureRepository(database: self) }
    public var missingPlaces: MissingPlaceRepository { MissingPlaceRepository(database: self) }
    public var cycles: CycleRepository { CycleRepository(database: self) }
    public var participants: ParticipantRepository { ParticipantRepository(database: self) }
    public var workshop: WorkshopRepository { WorkshopRepository(database: self) }
    public var snapshots: SnapshotRepository { SnapshotRepository(database: self) }
    public var partnerships: PartnershipRepository { PartnershipRepository(database: self) }
    public var orientationRules: OrientationRuleRepository { OrientationRuleRepository(database: self) }
    public var referrals: ReferralRepository { ReferralRepository(database: self) }
}
