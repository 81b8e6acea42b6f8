import Foundation
import MaillageCore
import SQLKit

/// Declarations and their review: what actors propose, what coordinators decide field by field, and the validated
/// fields that result. Every change writes its audit event in its own transaction. Concurrent declarations on one place
/// are separate rows: none is lost, and a reviewer sees when the place changed since one was made.
public struct DeclarationRepository: Sendable {
    let database: AppDatabase

    private typealias D = OfferTables.Declaration
    private typealias F = OfferTables.Field
    private typealias V = OfferTables.Validated
    private typealias W = OfferTables.Withdrawn

    /// The declaration was decided by someone else in between: nothing was written.
    public struct AlreadyDecided: Error, Sendable {}

    /// Stores a new declaration with its fields; returns it with its identifier.
    public func create(_ declaration: Declaration) async throws -> Declaration {
        try await database.transaction { db in
            var stored = declaration
            let id = try await db.insert(into: D.table)
                .columns(
                    D.kind, D.placeID, D.anchor, D.territory, D.structureID, D.placeName, D.authorID, D.authorLabel, D.status, D.createdAt,
                    D.category, D.message
                )
                .values(
                    SQLBind(declaration.kind.rawValue), SQLBind(declaration.placeID), SQLBind(declaration.anchor),
                    SQLBind(declaration.territory.rawValue), SQLBind(declaration.structureID), SQLBind(declaration.placeName),
                    SQLBind(declaration.author.accountID), SQLBind(declaration.author.label), SQLBind(DeclarationStatus.propose.rawValue),
                    SQLBind(Timestamp.text(declaration.createdAt)), SQLBind(declaration.category?.rawValue), SQLBind(declaration.message)
                )
                .returning(D.id).first(decodingColumn: D.id, as: Int.self)
            guard let id else { throw StoredValueError(column: D.id) }
            stored.id = id
            stored.status = .propose
            try await db.insertBatched(
                into: F.table, columns: [F.declarationID, F.column, F.proposed, F.previous, F.decision],
                rows: declaration.fields.map { [id, $0.column.rawValue, $0.proposed, $0.previous, DeclaredField.Decision.pending.rawValue] },
                maxBinds: database.maxBindsPerStatement)
            try await AuditRepository.record(
                AuditEvent(
                    at: declaration.createdAt, by: declaration.author, territory: declaration.territory,
                    action: "\(declaration.kind.label.lowercased()) proposé(e)", objectKind: AuditKinds.declaration,
                    objectID: "\(id)", after: Self.summary(stored)), on: db)
            return stored
        }
    }

    /// What the queue is asked for.
    public struct Filter: Sendable {
        public var territories: Set<Siren>?
        public var statuses: Set<DeclarationStatus>?
        public var placeID: String?
        /// The declarations of one person.
        public var authorID: Int?
        public var limit: Int

        public init(
            territories: Set<Siren>? = nil, statuses: Set<DeclarationStatus>? = nil, placeID: String? = nil, authorID: Int? = nil,
            limit: Int = 200
        ) {
            self.territories = territories
            self.statuses = statuses
            self.placeID = placeID
            self.authorID = authorID
            self.limit = limit
        }
    }

    /// Declarations, oldest first (a person's own: newest first).
    public func list(_ filter: Filter) async throws -> [Declaration] {
        var query = database.sql.select().column("*").from(D.table)
        if let territories = filter.territories { query = query.where(D.territory, .in, territories.map(\.rawValue)) }
        if let statuses = filter.statuses { query = query.where(D.status, .in, statuses.map(\.rawValue)) }
        if let placeID = filter.placeID { query = query.where(D.placeID, .equal, SQLBind(placeID)) }
        if let authorID = filter.authorID { query = query.where(D.authorID, .equal, SQLBind(authorID)) }
        return try await load(query.orderBy(D.id, filter.authorID == nil ? .ascending : .descending).limit(filter.limit), on: database.sql)
    }

    public func find(id: Int, on db: (any SQLDatabase)? = nil) async throws -> Declaration? {
        let db = db ?? database.sql
        return try await load(db.select().column("*").from(D.table).where(D.id, .equal, SQLBind(id)), on: db).first
    }
    /// A coordinator takes a proposed declaration to check it.
    public func take(id: Int, by author: Author, now: Date = Date()) async throws {
        try await database.transaction { db in
            let updated = try await db.update(D.table).set(D.status, to: SQLBind(DeclarationStatus.aVerifier.rawValue))
                .where(D.id, .equal, SQLBind(id)).where(D.status, .equal, SQLBind(DeclarationStatus.propose.rawValue)).returning(D.id).all()
            guard updated.count == 1, let declaration = try await find(id: id, on: db) else { throw AlreadyDecided() }
            try await AuditRepository.record(
                AuditEvent(
                    at: now, by: author, territory: declaration.territory, action: "déclaration prise en charge",
                    objectKind: AuditKinds.declaration, objectID: "\(id)"), on: db)
        }
    }

    /// Records a decision inside the caller's transaction: validated (with the columns accepted) or refused, and the
    /// reason. Throws ``AlreadyDecided`` when it was decided in between.
    public func decide(
        id: Int, validated: Bool, accepting accepted: Set<StandardColumn>, reason: String?, by author: Author, now: Date,
        on db: any SQLDatabase
    ) async throws -> Declaration {
        guard var declaration = try await find(id: id, on: db), declaration.status.isOpen else { throw AlreadyDecided() }
        let status: DeclarationStatus = validated ? .valide : .refuse
        let updated = try await db.update(D.table).set(D.status, to: SQLBind(status.rawValue))
            .set(D.decidedByID, to: SQLBind(author.accountID)).set(D.decidedByLabel, to: SQLBind(author.label))
            .set(D.decidedAt, to: SQLBind(Timestamp.text(now))).set(D.reason, to: SQLBind(reason))
            .where(D.id, .equal, SQLBind(id)).where(D.status, .in, [DeclarationStatus.propose.rawValue, DeclarationStatus.aVerifier.rawValue])
            .returning(D.id).all()
        guard updated.count == 1 else { throw AlreadyDecided() }
        for field in declaration.fields {
            let decision: DeclaredField.Decision = accepted.contains(field.column) ? .accepted : .rejected
            try await db.update(F.table).set(F.decision, to: SQLBind(decision.rawValue))
                .where(F.declarationID, .equal, SQLBind(id)).where(F.column, .equal, SQLBind(field.column.rawValue)).run()
        }
        declaration = try await find(id: id, on: db) ?? declaration
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author, territory: declaration.territory,
                action: status == .valide ? "déclaration validée" : "déclaration refusée",
                objectKind: AuditKinds.declaration, objectID: "\(id)",
                after: Self.summary(declaration) + (reason.map { " — motif : \($0)" } ?? "")), on: db)
        return declaration
    }

    /// Points the new place's declaration at the place it became.
    public func attach(declaration id: Int, toPlace placeID: String, anchor: String, on db: any SQLDatabase) async throws {
        try await db.update(D.table).set(D.placeID, to: SQLBind(placeID)).set(D.anchor, to: SQLBind(anchor)).where(D.id, .equal, SQLBind(id)).run()
    }

    // MARK: - Validated fields

    /// The validated fields of places built around these records (every one when nil).
    public func validatedFields(anchors: [String]? = nil, on db: (any SQLDatabase)? = nil) async throws -> [ValidatedField] {
        let db = db ?? database.sql
        let rows: [any SQLRow]
        if let anchors {
            rows = try await db.inChunks(anchors) { chunk in try await db.select().column("*").from(V.table).where(V.anchor, .in, chunk).all() }
        } else {
            rows = try await db.select().column("*").from(V.table).orderBy(V.anchor).orderBy(V.column).all()
        }
        return try rows.map { row in
            guard let column = StandardColumn(rawValue: try row.decode(column: V.column, as: String.self)) else {
                throw StoredValueError(column: V.column)
            }
            return ValidatedField(
                anchor: try row.decode(column: V.anchor, as: String.self), column: column,
                value: try row.decode(column: V.value, as: String.self), declarationID: try row.decode(column: V.declarationID, as: Int.self),
                structureID: try row.optionalString(V.structureID),
                validatedAt: try Timestamp.date(try row.decode(column: V.validatedAt, as: String.self)),
                baseline: try row.optionalString(V.baseline), national: try row.optionalString(V.national))
        }
    }

    /// Writes validated fields (replacing the earlier value of the same column), inside the caller's transaction.
    public func saveValidated(_ fields: [ValidatedField], on db: any SQLDatabase) async throws {
        for field in fields {
            try await db.delete(from: V.table).where(V.anchor, .equal, SQLBind(field.anchor)).where(V.column, .equal, SQLBind(field.column.rawValue))
                .run()
            try await db.insert(into: V.table)
                .columns(V.anchor, V.column, V.value, V.declarationID, V.structureID, V.validatedAt, V.baseline, V.national)
                .values(
                    SQLBind(field.anchor), SQLBind(field.column.rawValue), SQLBind(field.value), SQLBind(field.declarationID),
                    SQLBind(field.structureID), SQLBind(Timestamp.text(field.validatedAt)), SQLBind(field.baseline), SQLBind(field.national)
                )
                .run()
        }
    }

    /// Records what the national files said at the last merge (and, for a field just validated, what it corrected).
    public func recordNational(_ values: [(anchor: String, column: StandardColumn, national: String)], on db: any SQLDatabase) async throws {
        for value in values {
            try await db.update(V.table).set(V.national, to: SQLBind(value.national))
                .where(V.anchor, .equal, SQLBind(value.anchor)).where(V.column, .equal, SQLBind(value.column.rawValue)).run()
            try await db.update(V.table).set(V.baseline, to: SQLBind(value.national))
                .where(V.anchor, .equal, SQLBind(value.anchor)).where(V.column, .equal, SQLBind(value.column.rawValue))
                .where(V.baseline, .is, SQLLiteral.null).run()
        }
    }

    /// Settles a disagreement: keep the declared value (the national one becomes the new baseline) or take the
    /// national one (the local field is dropped). Inside the caller's transaction.
    public func settle(
        anchor: String, column: StandardColumn, keepDeclared: Bool, territory: Siren?, by author: Author, now: Date,
        on db: any SQLDatabase
    ) async throws {
        guard let field = try await validatedFields(anchors: [anchor], on: db).first(where: { $0.column == column }) else { throw AlreadyDecided() }
        if keepDeclared {
            try await db.update(V.table).set(V.baseline, to: SQLBind(field.national))
                .where(V.anchor, .equal, SQLBind(anchor)).where(V.column, .equal, SQLBind(column.rawValue)).run()
        } else {
            try await db.delete(from: V.table).where(V.anchor, .equal, SQLBind(anchor)).where(V.column, .equal, SQLBind(column.rawValue)).run()
        }
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author, territory: territory,
                action: keepDeclared ? "valeur déclarée maintenue" : "valeur nationale reprise",
                objectKind: AuditKinds.place, objectID: "\(anchor) \(column.rawValue)",
                before: field.value, after: keepDeclared ? field.value : (field.national ?? "")), on: db)
    }

    /// Records that a place no longer exists (its records stay; the merged place is left out).
    public func withdraw(anchor: String, declarationID: Int, now: Date, on db: any SQLDatabase) async throws {
        try await db.delete(from: W.table).where(W.anchor, .equal, SQLBind(anchor)).run()
        try await db.insert(into: W.table).columns(W.anchor, W.declarationID, W.withdrawnAt)
            .values(SQLBind(anchor), SQLBind(declarationID), SQLBind(Timestamp.text(now))).run()
    }

    /// The anchors of places reported gone, among these.
    public func withdrawn(among anchors: [String], on db: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await db.inChunks(anchors) { chunk in
                try await db.select().column(W.anchor).from(W.table).where(W.anchor, .in, chunk).all(decodingColumn: W.anchor, as: String.self)
            })
    }

    // MARK: - Reading

    private func load(_ query: SQLSelectBuilder, on db: any SQLDatabase) async throws -> [Declaration] {
        let rows = try await query.all()
        let ids = try rows.map { try $0.decode(column: D.id, as: Int.self) }
        var fields: [Int: [DeclaredField]] = [:]
        let fieldRows: [any SQLRow] =
            ids.isEmpty
            ? []
            : try await db.inChunks(ids) { chunk in
                try await db.select().column("*").from(F.table).where(F.declarationID, .in, chunk).all()
            }
        for row in fieldRows {
            guard let column = StandardColumn(rawValue: try row.decode(column: F.column, as: String.self)),
                let decision = DeclaredField.Decision(rawValue: try row.decode(column: F.decision, as: String.self))
            else { continue }
            fields[try row.decode(column: F.declarationID, as: Int.self), default: []].append(
                DeclaredField(
                    column: column, proposed: try row.decode(column: F.proposed, as: String.self),
                    previous: try row.decode(column: F.previous, as: String.self), decision: decision))
        }
        let order = Dictionary(uniqueKeysWithValues: StandardColumn.allCases.enumerated().map { ($1, $0) })
        return try rows.map { row in
            let id = try row.decode(column: D.id, as: Int.self)
            guard let kind = Declaration.Kind(rawValue: try row.decode(column: D.kind, as: String.self)),
                let status = DeclarationStatus(rawValue: try row.decode(column: D.status, as: String.self))
            else { throw StoredValueError(column: D.kind) }
            var declaration = Declaration(
                id: id, kind: kind, placeID: try row.optionalString(D.placeID), anchor: try row.optionalString(D.anchor),
                territory: try row.siren(D.territory), structureID: try row.optionalString(D.structureID),
                placeName: try row.decode(column: D.placeName, as: String.self),
                author: Author(
                    accountID: try row.decodeNil(column: D.authorID) ? nil : try row.decode(column: D.authorID, as: Int.self),
                    label: try row.decode(column: D.authorLabel, as: String.self)),
                status: status, createdAt: try Timestamp.date(try row.decode(column: D.createdAt, as: String.self)),
                fields: (fields[id] ?? []).sorted { order[$0.column]! < order[$1.column]! },
                category: try row.optionalString(D.category).flatMap(ReportCategory.init(rawValue:)), message: try row.optionalString(D.message))
            if let label = try row.optionalString(D.decidedByLabel) {
                declaration.decidedBy = Author(
                    accountID: try row.decodeNil(column: D.decidedByID) ? nil : try row.decode(column: D.decidedByID, as: Int.self),
                    label: label)
            }
            declaration.decidedAt = try row.optionalString(D.decidedAt).map(Timestamp.date)
            declaration.reason = try row.optionalString(D.reason)
            return declaration
        }
    }

    /// The declaration in one line of the trail.
    static func summary(_ declaration: Declaration) -> String {
        let fields = declaration.fields.map { "\($0.column.rawValue) = « \($0.proposed) »" }
        return ([declaration.placeName] + (declaration.category.map { [$0.label] } ?? []) + fields + (declaration.message.map { [$0] } ?? []))
            .joined(separator: " ; ")
    }
}
