import Foundation
import MaillageCore
import SQLKit

/// Attempts at a secret (a password, a second-factor code, a workshop's join code) and other limited actions (error
/// reports), counted per key in the database so that every instance counts the same.
///
/// An attempt is counted **before** the secret is checked, by one atomic statement per key that both decides and
/// counts: beyond a rule's free attempts within its window, a key must wait after its last attempt, twice longer at each
/// new one (up to the rule's longest wait); a refused attempt counts nothing. Parallel attempts therefore cannot all
/// pass on a count read before any of them was recorded. Keys are never an account alone: a stranger cannot lock a
/// person out from elsewhere.
public struct AttemptThrottle: Sendable {
    let database: AppDatabase

    private typealias C = AccountTables.AttemptCounter

    /// How many attempts a key may make, and how long it waits beyond.
    public struct Rule: Sendable, Equatable {
        /// Attempts allowed without waiting within ``window``.
        public var free: Int
        /// How long a key's count lasts, from its first attempt.
        public var window: TimeInterval
        /// The wait after the first attempt beyond the free ones, doubled at each further one up to ``longestWait``.
        public var firstWait: TimeInterval
        public var longestWait: TimeInterval
        /// Whether a success forgets the key (a person's own key); otherwise a success only gives its attempt back.
        public var clearedOnSuccess: Bool
    }

    /// A counted key and its rule. Stored as its kind in clear and a SHA-256 of who it counts (an address, an e-mail,
    /// an account): the counters never hold an address or an e-mail, as the privacy page says.
    public struct Key: Sendable, Equatable {
        /// The key as stored: `kind:` then the hash of the identity.
        public var name: String
        public var rule: Rule

        /// A key on who it counts; an address is counted by its ``MaillageCore/AddressGroup``.
        public init(kind: String, identity: String, rule: Rule) {
            name = kind + ":" + SecretToken.hash(identity)
            self.rule = rule
        }
    }

    /// An attempt refused: nothing was counted; the keys may try again after `wait` seconds.
    public struct Refusal: Error, Sendable {
        public var wait: TimeInterval
    }

    public static let signInWindow: TimeInterval = 24 * 3600
    /// A person's sign-ins from one address: 5 free, then 4 s, 8 s, … up to 15 min.
    public static let personRule = Rule(free: 5, window: signInWindow, firstWait: 4, longestWait: 15 * 60, clearedOnSuccess: true)
    /// An address counts ten times more attempts: several people may sign in from one office, a room may join a workshop.
    public static let addressRule = Rule(free: 50, window: signInWindow, firstWait: 4, longestWait: 15 * 60, clearedOnSuccess: false)

    /// The keys of a password or second-factor check (the sign-in page, and a signed-in person's current password).
    public static func signIn(email: String, address: String) -> [Key] {
        [
            Key(kind: "compte", identity: "\(email.lowercased())|\(AddressGroup.of(address))", rule: personRule),
            Key(kind: "adresse", identity: AddressGroup.of(address), rule: addressRule)
        ]
    }

    /// The key of a workshop's join code typed from an address.
    public static func workshopJoin(address: String) -> [Key] {
        [Key(kind: "adresse:atelier", identity: AddressGroup.of(address), rule: addressRule)]
    }

    /// Error reports per hour: 5 from an address without an account; 10 per account, 30 from one address with accounts.
    public static func reports(accountID: Int?, address: String) -> [Key] {
        func hourly(_ free: Int) -> Rule { Rule(free: free, window: 3600, firstWait: 3600, longestWait: 3600, clearedOnSuccess: false) }
        guard let accountID else { return [Key(kind: "signalement:adresse", identity: AddressGroup.of(address), rule: hourly(5))] }
        return [
            Key(kind: "signalement:compte", identity: "\(accountID)", rule: hourly(10)),
            Key(kind: "signalement:adresse-connectee", identity: AddressGroup.of(address), rule: hourly(30))
        ]
    }

    /// Counts one attempt on every key, or on none: throws ``Refusal`` (with how long the refusing key must wait) when a key must wait.
    public func admit(_ keys: [Key], now: Date) async throws {
        let database = database
        do {
            try await database.transaction { db in
                // A refusal on a later key rolls back the count of the earlier ones.
                for key in keys where try await !Self.count(key, now: now, on: db, database: database) { throw Refused(key: key) }
            }
        } catch let refused as Refused {
            // Only to say how long: the decision was the statement's.
            throw Refusal(wait: try await wait(refused.key, now: now))
        }
    }

    private struct Refused: Error { let key: Key }

    /// The atomic step: inserts the key's row or counts one more attempt in it, only if the rule allows the attempt now;
    /// the returned row says it was counted.
    private static func count(_ key: Key, now: Date, on db: any SQLDatabase, database: AppDatabase) async throws -> Bool {
        let (rule, at) = (key.rule, now.timeIntervalSince1970)
        let expired: SQLQueryString = "\(ident: C.table).\(ident: C.startedAt) <= \(bind: at - rule.window)"
        let row = try await db.raw(
            """
            INSERT INTO \(ident: C.table) (\(ident: C.key), \(ident: C.attempts), \(ident: C.startedAt), \(ident: C.lastAt)) \
            VALUES (\(bind: key.name), 1, \(bind: at), \(bind: at)) \
            ON CONFLICT (\(ident: C.key)) DO UPDATE SET \
            \(ident: C.attempts) = CASE WHEN \(expired) THEN 1 ELSE \(ident: C.table).\(ident: C.attempts) + 1 END, \
            \(ident: C.startedAt) = CASE WHEN \(expired) THEN \(bind: at) ELSE \(ident: C.table).\(ident: C.startedAt) END, \
            \(ident: C.lastAt) = \(bind: at) \
            WHERE \(expired) OR \(ident: C.table).\(ident: C.attempts) < \(bind: rule.free) \
            OR \(ident: C.table).\(ident: C.lastAt) + \(database.waitExpression(rule)) <= \(bind: at) \
            RETURNING \(ident: C.attempts)
            """
        ).first()
        return row != nil
    }

    /// How long the key must still wait (0: none), read after a refusal.
    private func wait(_ key: Key, now: Date) async throws -> TimeInterval {
        let at = now.timeIntervalSince1970
        let row = try await database.sql.raw(
            """
            SELECT \(ident: C.lastAt) + \(database.waitExpression(key.rule)) - \(bind: at) AS remaining \
            FROM \(ident: C.table) WHERE \(ident: C.key) = \(bind: key.name)
            """
        ).first()
        return max(0, try row?.decode(column: "remaining", as: Double.self) ?? 0)
    }

    /// After a successful check, in the same transaction as its effect: a person's key is forgotten, an address's
    /// gets its attempt back (a room of people who all sign in is not slowed down by their successes).
    public func succeeded(_ keys: [Key]) async throws {
        try await database.transaction { db in try await succeeded(keys, on: db) }
    }

    public func succeeded(_ keys: [Key], on db: any SQLDatabase) async throws {
        let cleared = keys.filter(\.rule.clearedOnSuccess).map(\.name)
        if !cleared.isEmpty { try await db.delete(from: C.table).where(C.key, .in, cleared).run() }
        try await giveBack(keys.filter { !$0.rule.clearedOnSuccess }, on: db)
    }

    /// Gives an admitted attempt back, when the check could not be made (the password queue was full).
    public func giveBack(_ keys: [Key]) async throws {
        try await database.transaction { db in try await giveBack(keys, on: db) }
    }

    private func giveBack(_ keys: [Key], on db: any SQLDatabase) async throws {
        guard !keys.isEmpty else { return }
        try await db.update(C.table).set(SQLIdentifier(C.attempts), to: SQLRaw("\(C.attempts) - 1"))
            .where(C.key, .in, keys.map(\.name)).where(C.attempts, .greaterThan, SQLBind(0)).run()
    }

    /// Deletes the counts whose last attempt is older than the longest window.
    @discardableResult
    public func purge(now: Date) async throws -> Int {
        try await database.transaction { db in
            try await db.delete(from: C.table).where(C.lastAt, .lessThan, SQLBind(now.timeIntervalSince1970 - Self.signInWindow))
                .returning(C.key).all().count
        }
    }
}
