import MaillageCore
import SQLKit

/// The typed columns of a place and their tables as migrations 0010 (merged places) and 0011 (source records) created
/// and filled them: a frozen copy, with literal names, types, bounds and value order, that today's ``PlaceColumns``
/// may leave behind. Never change it; a later change of the place columns is a new migration.
enum TypedPlaceColumnsV1 {
    private enum Kind {
        case text, optionalText, optionalDouble
        /// The bits of a closed vocabulary's values, at most `maximum`.
        case bits(maximum: Int)
    }

    private static let columns: [(name: String, kind: Kind)] = [
        ("pivot", .text), ("nom", .text), ("commune", .text), ("code_postal", .text), ("commune_code", .optionalText), ("adresse", .text),
        ("complement_adresse", .optionalText), ("latitude", .optionalDouble), ("longitude", .optionalDouble), ("telephone", .optionalText),
        ("horaires", .optionalText), ("presentation_resume", .optionalText), ("presentation_detail", .optionalText), ("source_nom", .optionalText),
        ("structure_parente", .optionalText), ("date_maj", .text), ("fiche_acces_libre", .optionalText), ("prise_rdv", .optionalText),
        ("precision", .text), ("itinerance", .bits(maximum: 3)), ("services", .bits(maximum: 511)),
        ("publics_specifiquement_adresses", .bits(maximum: 31)), ("prise_en_charge_specifique", .bits(maximum: 127)),
        ("frais_a_charge", .bits(maximum: 7)), ("dispositif_programmes_nationaux", .bits(maximum: 2047)),
        ("formations_labels", .bits(maximum: 1023)), ("modalites_acces", .bits(maximum: 63)), ("modalites_accompagnement", .bits(maximum: 15))
    ]

    /// The place's columns, in order (after the table's own).
    static var names: [String] { columns.map(\.name) }

    /// Adds the place's columns and their checks to a table being created.
    static func define(on builder: SQLCreateTableBuilder, database: any SQLDatabase) -> SQLCreateTableBuilder {
        var builder = builder
        for (name, kind) in columns {
            switch kind {
            case .text: builder = builder.column(name, type: .text, .notNull)
            case .optionalText: builder = builder.column(name, type: .text)
            case .optionalDouble: builder = builder.column(name, type: database.doubleType)
            case .bits: builder = builder.column(name, type: .bigint, .notNull)
            }
        }
        for (name, kind) in columns {
            if case .bits(let maximum) = kind {
                builder = builder.check("\(ident: name) BETWEEN 0 AND \(literal: maximum)" as SQLQueryString, named: nil as String?)
            }
        }
        let checks: [SQLQueryString] = [
            "length(date_maj) = 10", "precision IN ('adresse', 'commune', 'none')",
            "\(ident: "commune_code") IS NULL OR length(\(ident: "commune_code")) = 5",
            "(latitude IS NULL) = (longitude IS NULL)", "latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)"
        ]
        for check in checks { builder = builder.check(check, named: nil as String?) }
        return builder
    }

    /// Creates a table's two child tables (list values, unmapped values), each row tied to its row of `table`.
    static func createChildTables(
        of table: String, key: String, listItems: String, unmapped: String, childKey: String,
        on db: any SQLDatabase
    ) async throws {
        try await db.create(table: listItems)
            .column(childKey, type: .text, .notNull)
            .column("field", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("value", type: .text, .notNull)
            .primaryKey(childKey, "field", "position")
            .foreignKey([childKey], references: table, [key], onDelete: .cascade)
            .check("\(ident: "field") IN (\(literals: listFields, joinedBy: ", "))" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: unmapped)
            .column(childKey, type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("field", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .primaryKey(childKey, "position")
            .foreignKey([childKey], references: table, [key], onDelete: .cascade)
            .run()
    }

    /// Creates the table of the records merged into each place, tied to both the place and the record.
    static func createPlaceSourcesTable(on db: any SQLDatabase) async throws {
        try await db.create(table: "place_sources")
            .column("place_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("source", type: .text, .notNull)
            .column("source_id", type: .text, .notNull)
            .column("date_maj", type: .text, .notNull)
            .primaryKey("place_id", "position")
            .unique("source", "source_id")
            .foreignKey(["place_id"], references: "places", ["id"], onDelete: .cascade)
            .foreignKey(["source", "source_id"], references: "source_records", ["source", "source_id"], onDelete: .cascade)
            .check(SQLRaw("length(date_maj) = 10"), named: nil as String?)
            .run()
    }

    /// The fields of the list child tables, in the order their values are written.
    private static let listFields = ["typologie", "courriels", "site_web", "autres_formations_labels"]

    /// A place's values for ``names``, in order.
    static func values(of place: Place) -> [any Encodable & Sendable] {
        [
            place.pivot, place.nom, place.commune, place.codePostal, place.codeInsee?.rawValue, place.adresse, place.complementAdresse,
            place.coordinate?.latitude, place.coordinate?.longitude, place.telephone, place.horaires, place.presentationResume,
            place.presentationDetail, place.source, place.structureParente, place.dateMaj.description, place.ficheAccesLibre, place.priseRdv,
            place.precision.rawValue, bits(place.itinerance), bits(place.services), bits(place.publicsSpecifiquementAdresses),
            bits(place.priseEnChargeSpecifique), bits(place.fraisACharge), bits(place.dispositifProgrammesNationaux),
            bits(place.formationsLabels), bits(place.modalitesAcces), bits(place.modalitesAccompagnement)
        ]
    }

    /// A place's rows of the list child table (key, field, position, value), in order.
    static func listItems(of place: Place, key: String) -> [[any Encodable & Sendable]] {
        zip(listFields, [place.typologie.map(\.rawValue), place.courriels, place.siteWeb, place.autresFormationsLabels])
            .flatMap { field, values in values.enumerated().map { [key, field, $0.offset, $0.element] as [any Encodable & Sendable] } }
    }

    /// A place's rows of the unmapped child table (key, position, field, value), in order.
    static func unmapped(of place: Place, key: String) -> [[any Encodable & Sendable]] {
        place.unmappedValues.enumerated().map { [key, $0.offset, $0.element.field, $0.element.value] }
    }

    private static func bits<V: StandardVocabulary>(_ values: [V]) -> Int { Int(VocabularyBits(values).rawValue) }
}
