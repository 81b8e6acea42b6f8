import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// Opens PostgreSQL connection pools: the only file that knows PostgresKit.
enum PostgresDriver {
    static func open(url: String, logger: Logger) throws -> (any SQLDatabase, @Sendable () async throws -> Void) {
        let configuration = try SQLPostgresConfiguration(url: url)
        let pool = PoolHandle(pool: EventLoopGroupConnectionPool(
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
