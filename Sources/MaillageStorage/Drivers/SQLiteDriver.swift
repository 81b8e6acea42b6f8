import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit

/// Opens SQLite databases: the only file that knows SQLiteKit.
///
/// Every libsqlite3 call of a connection runs on the connection's own thread, not on the process's shared pool:
/// password hashing or file reads never make a query wait for a thread, and the one connection (its calls are
/// serialised by SQLite's own mutex) never needs more than one.
enum SQLiteDriver {
    static func open(path: String?, logger: Logger) async throws -> (any SQLDatabase, @Sendable () async throws -> Void) {
        let storage: SQLiteConnection.Storage
        if let path {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            storage = .file(path: path)
        } else {
            storage = .memory
        }
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: storage, threadPool: thread, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
        let database = connection.sql(queryLogLevel: .trace)
        do {
            // The first statement reads the file: a file that is not a database fails here, and must still be closed.
            if path != nil { try await database.raw("PRAGMA journal_mode=WAL").run() }
            try await database.raw("PRAGMA foreign_keys=ON").run()
            try await database.raw("PRAGMA synchronous=NORMAL").run()
        } catch {
            try? await connection.close()
            try? await thread.shutdownGracefully()
            throw error
        }
        return (
            database,
            {
                try await connection.close()
                try await thread.shutdownGracefully()
            }
        )
    }
}
