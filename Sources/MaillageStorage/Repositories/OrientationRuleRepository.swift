import Foundation
import MaillageCore
import SQLKit

/// The orientation rules a territory's network curates, with their ordered steps. Every change is in the trail.
public struct OrientationRuleRepository: Sendable {
    let database: AppDatabase

    private typealias R = PartnershipTables.Rule
    private typealias S = PartnershipTables.RuleStep

    /// A territory's rules, or every territory's.
    public func all(territory: Siren? = nil) async throws -> [OrientationRule] {
        let db = database.sql
        var query = db.select().column("*").from(R.table)
        if let territory { query = query.where(R.territory, .equal, SQLBind(territory.rawValue)) }
        let rows = try await query.orderBy(R.id).all()
        let ids = try rows.map { try $0.decode(column: R.id, as: Int.self) }
        var steps: [Int: [(Int, OrientationRule.Step)]] = [:]
        let stepRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(S.table).where(S.ruleID, .in, chunk).all()
            }
        for row in stepRows {
            guard let approach = OrientationRule.Approach(rawValue: try row.decode(column: S.approach, as: String.self)) else {
                throw StoredValueError(column: S.approach)
            }
            steps[try row.decode(column: S.ruleID, as: Int.self), default: []].append(
                (
                    try row.decode(column: S.position, as: Int.self),
                    OrientationRule.Step(
                        structureID: try row.decode(column: S.structureID, as: String.self), approach: approach,
                        contact: try row.decode(column: S.contact, as: String.self))
                ))
        }
        return try rows.map { row in
            let id = try row.decode(column: R.id, as: Int.self)
            guard let need = Service(rawValue: try row.decode(column: R.need, as: String.self)) else { throw StoredValueError(column: R.need) }
            return OrientationRule(
                id: id, territory: try row.siren(R.territory), commune: try row.communeCode(R.commune), need: need,
                targetPublic: try row.optionalString(R.targetPublic).flatMap(TargetPublic.init(rawValue:)),
                constraint: try row.optionalString(R.constraint).flatMap(OrientationRule.Constraint.init(rawValue:)),
                steps: (steps[id] ?? []).sorted { $0.0 < $1.0 }.map(\.1), note: try row.decode(column: R.note, as: String.self),
                updatedAt: try Timestamp.date(try row.decode(column: R.updatedAt, as: String.self)))
        }
    }

    public func create(_ rule: OrientationRule, by author: Author) async throws -> OrientationRule {
        try await database.transaction { db in
            let id = try await db.insert(into: R.table).columns(R.territory, R.commune, R.need, R.targetPublic, R.constraint, R.note, R.updatedAt)
                .values(
                    SQLBind(rule.territory.rawValue), SQLBind(rule.commune.rawValue), SQLBind(rule.need.rawValue),
                    SQLBind(rule.targetPublic?.rawValue),
                    SQLBind(rule.constraint?.rawValue), SQLBind(rule.note), SQLBind(Timestamp.text(rule.updatedAt))
                )
                .returning(R.id).first(decodingColumn: R.id, as: Int.self)
            guard let id else { throw StoredValueError(column: R.id) }
            let rows: [[any Encodable & Sendable]] = rule.steps.enumerated().map {
                [id, $0.offset, $0.element.structureID, $0.element.approach.rawValue, $0.element.contact]
            }
            try await db.insertBatched(
                into: S.table, columns: [S.ruleID, S.position, S.structureID, S.approach, S.contact], rows: rows,
                maxBinds: database.maxBindsPerStatement)
            var stored = rule
            stored.id = id
            try await AuditRepository.record(
                AuditEvent(
                    at: rule.updatedAt, by: author, territory: rule.territory, action: "règle d'orientation ajoutée",
                    objectKind: AuditKinds.orientationRule, objectID: "\(id)", after: Self.summary(stored)), on: db)
            try await ChangeLog.record(.orientationRules, keys: [rule.territory.rawValue], on: db, database: database)
            return stored
        }
    }

    public func delete(id: Int, territory: Siren, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            let deleted = try await db.delete(from: R.table).where(R.id, .equal, SQLBind(id)).where(R.territory, .equal, SQLBind(territory.rawValue))
                .returning(R.id).all()
            guard !deleted.isEmpty else { throw RowNotFound() }
            try await db.delete(from: S.table).where(S.ruleID, .equal, SQLBind(id)).run()
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: territory, action: "règle d'orientation retirée",
                    objectKind: AuditKinds.orientationRule, objectID: "\(id)"), on: db)
            try await ChangeLog.record(.orientationRules, keys: [territory.rawValue], on: db, database: database)
        }
    }

    static func summary(_ rule: OrientationRule) -> String {
        ([rule.commune.rawValue, rule.need.rawValue, rule.targetPublic?.rawValue, rule.constraint?.rawValue].compactMap { $0 }
            + rule.steps.map { "\($0.structureID) (\($0.approach.rawValue))" }).joined(separator: " ; ")
    }
}
