import Foundation
import MaillageCore
import SQLKit

/// The trail of changes. Every change records its event inside its own transaction (``record(_:on:)``); events are
/// kept ``retention``, and a deleted person's events stay, anonymised.
public struct AuditRepository: Sendable {
    let database: AppDatabase

    private typealias E = AccountTables.Audit

    /// How long events are kept: three years, the time of a few meeting cycles and of an audit by the territory.
    public static let retention: TimeInterval = 3 * 365 * 24 * 3600

    /// What the journal is asked for; every part optional.
    public struct Filter: Sendable, Equatable {
        public var actorID: Int?
        public var objectKind: String?
        public var objectID: String?
        public var territories: Set<Siren>?
        public var from: Date?
        public var until: Date?
        public var limit: Int

        public init(
            actorID: Int? = nil, objectKind: String? = nil, objectID: String? = nil, territories: Set<Siren>? = nil,
            from: Date? = nil, until: Date? = nil, limit: Int = 500
        ) {
            self.actorID = actorID
            self.objectKind = objectKind
            self.objectID = objectID
            self.territories = territories
            self.from = from
            self.until = until
            self.limit = limit
        }
    }

    /// Writes an event inside the caller's transaction.
    public static func record(_ event: AuditEvent, on db: any SQLDatabase) async throws {
        try await db.insert(into: E.table)
            .columns(E.at, E.actorID, E.actorLabel, E.territory, E.action, E.objectKind, E.objectID, E.before, E.after)
            .values(
                SQLBind(Timestamp.text(event.at)), SQLBind(event.actorID), SQLBind(event.actorLabel), SQLBind(event.territory?.rawValue),
                SQLBind(event.action), SQLBind(event.objectKind), SQLBind(event.objectID), SQLBind(event.before), SQLBind(event.after)
            )
            .run()
    }

    /// The events the filter selects, newest first.
    public func events(_ filter: Filter) async throws -> [AuditEvent] {
        var query = database.sql.select()
            .columns(E.id, E.at, E.actorID, E.actorLabel, E.territory, E.action, E.objectKind, E.objectID, E.before, E.after).from(E.table)
        if let actor = filter.actorID { query = query.where(E.actorID, .equal, SQLBind(actor)) }
        if let kind = filter.objectKind { query = query.where(E.objectKind, .equal, SQLBind(kind)) }
        if let object = filter.objectID { query = query.where(E.objectID, .equal, SQLBind(object)) }
        if let territories = filter.territories { query = query.where(E.territory, .in, territories.map(\.rawValue).sorted()) }
        if let from = filter.from { query = query.where(E.at, .greaterThanOrEqual, SQLBind(Timestamp.text(from))) }
        if let until = filter.until { query = query.where(E.at, .lessThan, SQLBind(Timestamp.text(until))) }
        return try await query.orderBy(E.id, .descending).limit(max(1, min(filter.limit, 10_000))).all().map { row in
            AuditEvent(
                id: try row.decode(column: E.id, as: Int.self), at: try Timestamp.date(try row.decode(column: E.at, as: String.self)),
                actorID: try row.decodeNil(column: E.actorID) ? nil : try row.decode(column: E.actorID, as: Int.self),
                actorLabel: try row.decode(column: E.actorLabel, as: String.self),
                territory: try row.optionalString(E.territory).flatMap(Siren.init), action: try row.decode(column: E.action, as: String.self),
                objectKind: try row.decode(column: E.objectKind, as: String.self), objectID: try row.decode(column: E.objectID, as: String.self),
                before: try row.optionalString(E.before), after: try row.optionalString(E.after))
        }
    }

    /// Deletes the events older than ``retention``; returns how many.
    @discardableResult
    public func purge(now: Date) async throws -> Int {
        try await database.transaction { db in
            try await db.delete(from: E.table).where(E.at, .lessThan, SQLBind(Timestamp.text(now - Self.retention))).returning(E.id).all().count
        }
    }
}
