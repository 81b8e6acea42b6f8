import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage
import SQLKit

/// The coordinators' decisions on declarations and disagreements, each in one transaction with its audit event and
/// the rebuild of the places it changes: what is validated reaches search, orientation, the diagnostic and journeys
/// on every instance through the change log.
public struct DeclarationReview: Sendable {
    public let database: AppDatabase
    public var builder: PlaceBuilder

    public init(database: AppDatabase, merger: PlaceMerger = PlaceMerger()) {
        self.database = database
        self.builder = PlaceBuilder(database: database, merger: merger)
    }

    /// A new place lacks what the standard requires: which columns.
    public struct IncompletePlace: Error, Sendable {
        public var problems: [StandardRowCodec.Problem]
    }

    /// Validates a declaration with the columns accepted (a new place: its fields; a report: whether it is taken into
    /// account), or refuses it with a reason. Throws ``DeclarationRepository/AlreadyDecided`` when someone decided first.
    @discardableResult
    public func decide(
        id: Int, validated: Bool, accepting accepted: Set<StandardColumn>, reason: String?, by author: Author,
        now: Date = Date()
    ) async throws -> Declaration {
        let (declarations, places, builder) = (database.declarations, database.places, builder)
        let territory = try await database.territories.load()
        return try await database.transaction { db in
            let declaration = try await declarations.decide(
                id: id, validated: validated, accepting: accepted, reason: reason, by: author, now: now, on: db)
            guard validated else { return declaration }
            switch declaration.kind {
            case .correction:
                guard let anchor = declaration.anchor else { return declaration }
                let fields = declaration.fields.filter { accepted.contains($0.column) }.map {
                    ValidatedField(
                        anchor: anchor, column: $0.column, value: $0.proposed, declarationID: id, structureID: declaration.structureID,
                        validatedAt: now)
                }
                try await declarations.saveValidated(fields, on: db)
                try await places.markPending(records: [anchor], on: db)
            case .newPlace:
                let record = try Self.record(of: declaration, accepting: accepted, territory: territory, now: now)
                _ = try await places.stage(PlaceRepository.encode([record], readerVersion: \.readerVersion), on: db)
                try await declarations.attach(
                    declaration: id, toPlace: record.provenance.key.replacingOccurrences(of: ":", with: "-"),
                    anchor: record.provenance.key, on: db)
            case .report:
                guard declaration.category == .fermeDefinitivement, let anchor = declaration.anchor else { return declaration }
                try await declarations.withdraw(anchor: anchor, declarationID: id, now: now, on: db)
                try await places.markPending(records: [anchor], on: db)
            }
            _ = try await builder.rebuildPending(on: db)
            return declaration
        }
    }

    /// Settles a disagreement between a validated field and what the national files now say.
    public func settle(
        anchor: String, column: StandardColumn, keepDeclared: Bool, territory: Siren?, by author: Author, now: Date = Date()
    ) async throws {
        let (declarations, places, builder) = (database.declarations, database.places, builder)
        try await database.transaction { db in
            try await declarations.settle(
                anchor: anchor, column: column, keepDeclared: keepDeclared, territory: territory, by: author, now: now, on: db)
            if !keepDeclared {
                try await places.markPending(records: [anchor], on: db)
                _ = try await builder.rebuildPending(on: db)
            }
        }
    }

    /// The source record a validated new place becomes: source « déclaré par la structure », the accepted fields,
    /// located at its address or its commune's centre.
    static func record(
        of declaration: Declaration, accepting accepted: Set<StandardColumn>, territory: TerritoryData, now: Date
    ) throws -> SourceRecord {
        let sourceID = "\(ValidatedField.newPlacePrefix)\(declaration.id)"
        let day = CalendarDay(now)
        var place = Place(id: sourceID, pivot: "", nom: "", commune: "", codePostal: "", codeInsee: nil, adresse: "", dateMaj: day)
        let values = Dictionary(uniqueKeysWithValues: declaration.fields.filter { accepted.contains($0.column) }.map { ($0.column, $0.proposed) })
        let problems = StandardField.set(values, on: &place)
        let missing = [StandardColumn.nom, .commune, .codePostal, .adresse, .codeInsee].filter { (values[$0] ?? "").trimmed.isEmpty }
            .map { StandardRowCodec.Problem(column: $0, value: "", expected: "une valeur (champ obligatoire pour un nouveau lieu)") }
        guard problems.isEmpty, missing.isEmpty else { throw IncompletePlace(problems: problems + missing) }
        if place.coordinate == nil { _ = PlaceLocator(territory: territory).locate(&place) }
        return SourceRecord(provenance: Provenance(source: .declaration, sourceID: sourceID, dateMaj: day), place: place)
    }
}
