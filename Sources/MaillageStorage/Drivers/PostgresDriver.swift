import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// Opens PostgreSQL connection pools: the only file that knows PostgresKit.
enum PostgresDriver {
    static func open(url: String, logger: Logger) throws -> (any SQLDatabase, @Sendable () async throws -> Void) {
        let configuration = try SQLPostgresConfiguration(url: url)
        let pool = PoolHandle(
            pool: EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
                pruneInterval: nil, logger: logger, on: MultiThreadedEventLoopGroup.singleton))
        let database = pool.pool.database(logger: logger).sql(queryLogLevel: .trace)
        return (database, { try await pool.pool.shutdownAsync() })
    }

    /// AsyncKit's pool guards its state with a lock but predates `Sendable`; this box states that.
    private struct PoolHandle: @unchecked Sendable {
        let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    }
}

extension AppDatabase {
    /// What a database error says, for the operator's log: PostgreSQL's own message, detail and SQLSTATE code
    /// (`PSQLError` hides them from its description so that they never reach a visitor by accident); any other error
    /// as it describes itself.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        guard let info = error.serverInfo else {
            return "PostgreSQL (\(error.code))" + (error.underlying.map { " : \(String(describing: $0))" } ?? "")
        }
        let parts = [
            info[.message], info[.detail].map { "détail : \($0)" }, info[.hint].map { "conseil : \($0)" },
            info[.sqlState].map { "SQLSTATE \($0)" }
        ]
        return "PostgreSQL : " + parts.compactMap { $0 }.joined(separator: " ; ")
    }
}
