import Foundation
import SQLKit

/// Failed sign-ins, counted per key (an e-mail from an address; an address), in the database so that every instance
/// counts the same. After ``freeFailures`` failures within ``window`` a key must wait, twice longer at each new
/// failure (up to ``longestWait``). Keys are never an account alone: a stranger cannot lock a person out from
/// elsewhere. The first wait is 4 s. Failures are kept ``window``, then deleted.
public struct SignInThrottle: Sendable {
    let database: AppDatabase

    private typealias F = AccountTables.Failure

    public static let window: TimeInterval = 24 * 3600
    public static let freeFailures = 5
    public static let longestWait: TimeInterval = 15 * 60

    /// The keys of a sign-in attempt.
    public static func keys(email: String, address: String) -> [String] {
        ["compte:\(email.lowercased().prefix(254))|\(address.prefix(64))", "adresse:\(address.prefix(64))"]
    }

    /// How long the keys must still wait before their next attempt (0: none).
    public func wait(keys: [String], now: Date) async throws -> TimeInterval {
        var longest: TimeInterval = 0
        for key in keys {
            let times = try await database.sql.select().column(F.failedAt).from(F.table).where(F.key, .equal, SQLBind(key))
                .where(F.failedAt, .greaterThan, SQLBind(Timestamp.text(now - Self.window))).orderBy(F.failedAt, .descending)
                .limit(64).all(decodingColumn: F.failedAt, as: String.self)
            // The address key counts ten times more failures: several people may sign in from one office.
            let free = key.hasPrefix("adresse:") ? Self.freeFailures * 10 : Self.freeFailures
            guard times.count >= free, let last = times.first.flatMap({ try? Timestamp.date($0) }) else { continue }
            let wait = min(Self.longestWait, pow(2, Double(times.count - free + 2)))
            longest = max(longest, wait - now.timeIntervalSince(last))
        }
        return max(0, longest)
    }

    /// Records a failure on its own (outside any other change).
    public func recordFailure(keys: [String], now: Date) async throws {
        try await database.transaction { db in try await recordFailure(keys: keys, now: now, on: db) }
    }

    public func recordFailure(keys: [String], now: Date, on db: any SQLDatabase) async throws {
        for key in keys {
            try await db.insert(into: F.table).columns(F.key, F.failedAt).values(SQLBind(key), SQLBind(Timestamp.text(now))).run()
        }
    }

    /// Forgets the failures of the keys (after a successful sign-in).
    public func clear(keys: [String], on db: any SQLDatabase) async throws {
        try await db.delete(from: F.table).where(F.key, .in, keys).run()
    }

    @discardableResult
    public func purge(now: Date) async throws -> Int {
        try await database.transaction { db in
            try await db.delete(from: F.table).where(F.failedAt, .lessThan, SQLBind(Timestamp.text(now - Self.window))).returning(F.id).all().count
        }
    }
}
