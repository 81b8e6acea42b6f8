import Foundation
import Logging
import SQLKit

/// Backs up a database while servers use it, and restores a backup in its place.
///
/// SQLite: `VACUUM INTO` a temporary file beside the destination, from a connection of its own (a consistent
/// snapshot; writers go on meanwhile), checked with `PRAGMA integrity_check` and its schema version read back, then
/// renamed. A restore checks a copy of the backup the same way, refuses another schema version than this program's,
/// refuses a database another process holds open, then renames the copy over the database.
/// PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --single-transaction` (``PostgresTools``).
public struct DatabaseBackup: Sendable {
    public let configuration: DatabaseConfiguration
    public let tools: PostgresTools
    let logger: Logger

    public init(configuration: DatabaseConfiguration, tools: PostgresTools = PostgresTools(), logger: Logger = Logger(label: "maillage.backup")) {
        self.configuration = configuration
        self.tools = tools
        self.logger = logger
    }

    /// Writes a backup of the database to `destination` (replacing it), checked; the file is complete or absent.
    public func backup(to destination: String) async throws -> BackupCopy {
        let partial = Self.temporaryName(beside: destination, suffix: "partielle")
        do {
            switch configuration {
            case .sqliteInMemory:
                throw BackupError.inMemory
            case .sqlite(let path):
                guard FileManager.default.fileExists(atPath: path) else { throw BackupError.missing(path) }
                let source = try await AppDatabase.open(.sqlite(path: path), logger: logger, schema: .unchecked)
                do {
                    try await source.sql.raw("VACUUM INTO \(literal: partial)").run()
                    try await source.shutdown()
                } catch {
                    try? await source.shutdown()
                    throw error
                }
            case .postgres(let url):
                try await tools.dump(url: url, to: partial)
            }
            var copy = try await inspect(partial)
            try Self.rename(partial, to: destination)
            copy.path = destination
            return copy
        } catch {
            Self.remove(sqliteFile: partial)
            throw error
        }
    }

    /// Replaces the database with the backup at `source`, after checking it; refused, it changes nothing.
    /// Stop the servers first: on SQLite a database another process holds open is refused.
    public func restore(from source: String) async throws -> BackupCopy {
        guard FileManager.default.fileExists(atPath: source) else { throw BackupError.missing(source) }
        switch configuration {
        case .sqliteInMemory:
            throw BackupError.inMemory
        case .sqlite(let target):
            // The backup is checked on a copy beside the target: it stays as it was, and the rename is atomic.
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: target).deletingLastPathComponent(), withIntermediateDirectories: true)
            let work = Self.temporaryName(beside: target, suffix: "restauration")
            do {
                try FileManager.default.copyItem(atPath: source, toPath: work)
                let copy = try await inspect(work, reportedAs: source)
                try await requireUnused(target)
                for leftover in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + leftover) }
                try Self.rename(work, to: target)
                return copy
            } catch {
                Self.remove(sqliteFile: work)
                throw error
            }
        case .postgres(let url):
            let copy = try await inspect(source)
            try await tools.restore(source, into: url)
            return copy
        }
    }

    /// Checks a backup file: readable, intact, and of exactly this program's schema (what it can restore).
    private func inspect(_ path: String, reportedAs name: String? = nil) async throws -> BackupCopy {
        let name = name ?? path
        let applied: [String]
        switch configuration {
        case .postgres: applied = try await tools.migrations(in: path)
        case .sqlite, .sqliteInMemory: applied = try await sqliteMigrations(in: path, reportedAs: name)
        }
        let known = AppDatabase.migrationNames
        let status = SchemaStatus(pending: known.filter { !applied.contains($0) }, unknown: applied.filter { !known.contains($0) }.sorted())
        guard status.isCurrent else { throw BackupError.otherSchema(name, status) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupCopy(path: name, bytes: size, schemaVersion: known.last ?? "")
    }

    /// The migrations an SQLite file holds, after SQLite's integrity check passed.
    private func sqliteMigrations(in path: String, reportedAs name: String) async throws -> [String] {
        let database: AppDatabase
        do {
            database = try await AppDatabase.open(.sqlite(path: path), logger: logger, schema: .unchecked)
        } catch {
            throw BackupError.unreadable(name, reason: AppDatabase.describe(error))
        }
        do {
            let problems = try await database.sql.raw("PRAGMA integrity_check").all().map {
                try $0.decode(column: "integrity_check", as: String.self)
            }
            guard problems == ["ok"] else { throw BackupError.corrupt(name, problems: problems) }
            let names = try await database.sql.select().column("name").from("schema_migrations").all(decodingColumn: "name", as: String.self)
            try await database.shutdown()
            return names
        } catch let error as BackupError {
            try? await database.shutdown()
            throw error
        } catch {
            try? await database.shutdown()
            throw BackupError.unreadable(name, reason: AppDatabase.describe(error))
        }
    }

    /// Throws ``BackupError/inUse(_:)`` when another connection holds the SQLite file open: in WAL mode each one
    /// keeps a shared lock, so an exclusive lock is refused (at once: no waiting on a running server).
    private func requireUnused(_ path: String) async throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let database = try await AppDatabase.open(.sqlite(path: path), logger: logger, schema: .unchecked)
        do {
            try await database.sql.raw("PRAGMA busy_timeout = 100").run()
            try await database.sql.raw("PRAGMA locking_mode = EXCLUSIVE").run()
            try await database.sql.raw("BEGIN EXCLUSIVE").run()
            _ = try await database.sql.raw("SELECT COUNT(*) AS n FROM sqlite_master").all()
            try await database.sql.raw("ROLLBACK").run()
        } catch {
            try? await database.shutdown()
            throw BackupError.inUse(path)
        }
        // The last connection to close folds the write-ahead log into the file and removes it.
        try await database.shutdown()
    }

    /// `dir/.name.suffix-XXXXXXXX` beside `path`, on the same file system so that renaming it is atomic.
    static func temporaryName(beside path: String, suffix: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)-\(UUID().uuidString.prefix(8))").path
    }

    /// Atomically puts `from` at `to` (replacing it).
    static func rename(_ from: String, to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            throw BackupError.toolFailed("rename", message: "\(from) → \(to) : \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a temporary file and what SQLite may have left beside it.
    static func remove(sqliteFile path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
