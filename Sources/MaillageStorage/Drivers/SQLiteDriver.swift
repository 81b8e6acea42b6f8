import Foundation
import Logging
import SQLKit
import SQLiteKit

/// Opens SQLite databases: the only file that knows SQLiteKit.
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
        let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        let database = connection.sql(queryLogLevel: .trace)
        do {
            // The first statement reads the file: a file that is not a database fails here, and must still be closed.
            if path != nil { try await database.raw("PRAGMA journal_mode=WAL").run() }
            try await database.raw("PRAGMA foreign_keys=ON").run()
            try await database.raw("PRAGMA synchronous=NORMAL").run()
        } catch {
            try? await connection.close()
            throw error
        }
        return (database, { try await connection.close() })
    }
}
