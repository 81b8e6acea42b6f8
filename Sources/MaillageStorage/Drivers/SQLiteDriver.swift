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
        if path != nil { try await database.raw("PRAGMA journal_mode=WAL").run() }
        try await database.raw("PRAGMA foreign_keys=ON").run()
        try await database.raw("PRAGMA synchronous=NORMAL").run()
        return (database, { try await connection.close() })
    }
}
