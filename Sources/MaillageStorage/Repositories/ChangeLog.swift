import Foundation
import SQLKit

/// The log of what writes changed, read by every instance to stay current without rebuilding everything.
///
/// Every writing transaction appends its changes just before it commits; on PostgreSQL it first locks the log, so that
/// sequence numbers are given in commit order and a reader that saw number N has seen every change before it.
/// Entries older than ``retention`` are pruned: an instance that missed pruned entries rebuilds everything.
public struct ChangeLog: Sendable {
    let database: AppDatabase

    private typealias E = ChangeLogTables.Entry

    /// How long entries are kept: far longer than any instance's polling interval.
    static let retention: TimeInterval = 24 * 3600

    /// What changed.
    public enum Topic: String, Sendable, CaseIterable {
        /// The merged places of some blocks (communes); the item is the block key.
        case places = "lieux"
        /// The territory reference (communes, EPCI, QPV…): everything derived from it is stale.
        case territory = "territoire"
        /// One persona; the item is its identifier.
        case personas
        /// A structure's hand completion; the item is its identifier.
        case structures
        /// A territory's orientation rules; the item is the territory's SIREN.
        case orientationRules = "regles"
    }

    /// The changes after a sequence number, and the number to ask from next time.
    public struct Changes: Sendable, Equatable {
        public var latest: Int
        /// The items changed per topic; nil when entries after the number asked were already pruned (reload everything).
        public var items: [Topic: Set<String>]?
    }

    /// The newest sequence number (0 when nothing was ever logged): one indexed read.
    public func latest() async throws -> Int {
        try await database.sql.select().column(SQLFunction("MAX", args: SQLColumn(E.seq)), as: "n").from(E.table).first()?
            .decode(column: "n", as: Int?.self) ?? 0
    }

    /// Everything logged after `seq`.
    public func changes(after seq: Int) async throws -> Changes {
        let oldest = try await database.sql.select().column(SQLFunction("MIN", args: SQLColumn(E.seq)), as: "n").from(E.table).first()?
            .decode(column: "n", as: Int?.self)
        let rows = try await database.sql.select().columns(E.seq, E.topic, E.item).from(E.table).where(E.seq, .greaterThan, SQLBind(seq))
            .orderBy(E.seq).all()
        let latest = try rows.last?.decode(column: E.seq, as: Int.self) ?? seq
        if let oldest, oldest > seq + 1 { return Changes(latest: max(latest, seq), items: nil) }
        var items: [Topic: Set<String>] = [:]
        for row in rows {
            guard let topic = Topic(rawValue: try row.decode(column: E.topic, as: String.self)) else { continue }
            items[topic, default: []].formUnion([try row.decode(column: E.item, as: String?.self)].compactMap { $0 })
        }
        return Changes(latest: latest, items: items)
    }

    /// Appends changes inside the caller's transaction (`keys` empty: the topic as a whole), and prunes old entries.
    static func record(_ topic: Topic, keys: some Collection<String>, on db: any SQLDatabase, database: AppDatabase) async throws {
        if let lock = database.changeLogLockStatement { try await db.raw(lock).run() }
        let now = Date()
        let stamp = Timestamp.text(now)
        let rows: [[any Encodable & Sendable]] = keys.isEmpty ? [[topic.rawValue, String?.none, stamp]] : keys.map { [topic.rawValue, $0, stamp] }
        try await db.insertBatched(into: E.table, columns: [E.topic, E.item, E.changedAt], rows: rows, maxBinds: database.maxBindsPerStatement)
        try await db.delete(from: E.table).where(E.changedAt, .lessThan, SQLBind(Timestamp.text(now - retention))).run()
    }
}
