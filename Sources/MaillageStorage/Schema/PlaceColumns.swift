import MaillageCore
import SQLKit

/// The single-valued columns of a stored place: name, SQL type, constraint, and how each is written from and read
/// into a ``Place``. One list serves the table's creation, its inserts and its reads, so they cannot drift apart.
struct PlaceColumn: Sendable {
    enum Kind: Sendable {
        case text, optionalText, optionalDouble
        /// A multi-valued field of a closed vocabulary, as the bits of its values (``VocabularyBits``), at most `maximum`.
        case bits(maximum: UInt32)
    }

    let name: String
    let kind: Kind
    let value: @Sendable (Place) -> any Encodable & Sendable
    let read: @Sendable (any SQLRow, inout Place) throws -> Void
}

enum PlaceColumns {
    /// Every column read into or written from the place itself (its identifier and block are the table's own).
    static let all: [PlaceColumn] = [
        text("pivot", \.pivot), text("nom", \.nom), text("commune", \.commune), text("code_postal", \.codePostal),
        PlaceColumn(name: communeCode, kind: .optionalText, value: { $0.codeInsee?.rawValue }) { row, place in
            place.codeInsee = try row.optionalString(communeCode).flatMap(CommuneCode.init)
        },
        text("adresse", \.adresse), optionalText("complement_adresse", \.complementAdresse),
        PlaceColumn(name: "latitude", kind: .optionalDouble, value: { $0.coordinate?.latitude }) { row, place in
            if let latitude = try row.optionalDouble("latitude"), let longitude = try row.optionalDouble("longitude") {
                place.coordinate = Coordinate(latitude: latitude, longitude: longitude)
            }
        },
        PlaceColumn(name: "longitude", kind: .optionalDouble, value: { $0.coordinate?.longitude }) { _, _ in },
        optionalText("telephone", \.telephone), optionalText("horaires", \.horaires),
        optionalText("presentation_resume", \.presentationResume), optionalText("presentation_detail", \.presentationDetail),
        optionalText("source_nom", \.source), optionalText("structure_parente", \.structureParente),
        PlaceColumn(name: "date_maj", kind: .text, value: { $0.dateMaj.description }) { row, place in
            guard let day = CalendarDay(try row.decode(column: "date_maj", as: String.self)) else { throw StoredValueError(column: "date_maj") }
            place.dateMaj = day
        },
        optionalText("fiche_acces_libre", \.ficheAccesLibre), optionalText("prise_rdv", \.priseRdv),
        PlaceColumn(name: "precision", kind: .text, value: { $0.precision.rawValue }) { row, place in
            guard let precision = LocationPrecision(rawValue: try row.decode(column: "precision", as: String.self)) else {
                throw StoredValueError(column: "precision")
            }
            place.precision = precision
        },
        bits("itinerance", \.itinerance), bits("services", \.services), bits("publics_specifiquement_adresses", \.publicsSpecifiquementAdresses),
        bits("prise_en_charge_specifique", \.priseEnChargeSpecifique), bits("frais_a_charge", \.fraisACharge),
        bits("dispositif_programmes_nationaux", \.dispositifProgrammesNationaux), bits("formations_labels", \.formationsLabels),
        bits("modalites_acces", \.modalitesAcces), bits("modalites_accompagnement", \.modalitesAccompagnement),
    ]

    /// The commune's INSEE code, which queries filter on.
    static let communeCode = "commune_code"

    /// The constraints the database enforces on these columns.
    static var checks: [SQLQueryString] {
        all.compactMap { column in
            if case .bits(let maximum) = column.kind { return "\(ident: column.name) BETWEEN 0 AND \(literal: Int(maximum))" }
            return nil
        } + [
            "length(date_maj) = 10", "precision IN ('adresse', 'commune', 'none')", "\(ident: communeCode) IS NULL OR length(\(ident: communeCode)) = 5",
            "(latitude IS NULL) = (longitude IS NULL)", "latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)",
        ]
    }

    /// Adds the columns and their checks to a table being created.
    static func define(on builder: SQLCreateTableBuilder, database: any SQLDatabase) -> SQLCreateTableBuilder {
        var builder = builder
        for column in all {
            switch column.kind {
            case .text: builder = builder.column(column.name, type: .text, .notNull)
            case .optionalText: builder = builder.column(column.name, type: .text)
            case .optionalDouble: builder = builder.column(column.name, type: database.doubleType)
            case .bits: builder = builder.column(column.name, type: .bigint, .notNull)
            }
        }
        for check in checks { builder = builder.check(check, named: nil as String?) }
        return builder
    }

    private static func text(_ name: String, _ path: WritableKeyPath<Place, String> & Sendable) -> PlaceColumn {
        PlaceColumn(name: name, kind: .text, value: { $0[keyPath: path] }) { row, place in place[keyPath: path] = try row.decode(column: name, as: String.self) }
    }

    private static func optionalText(_ name: String, _ path: WritableKeyPath<Place, String?> & Sendable) -> PlaceColumn {
        PlaceColumn(name: name, kind: .optionalText, value: { $0[keyPath: path] }) { row, place in
            place[keyPath: path] = try row.optionalString(name)
        }
    }

    private static func bits<V: StandardVocabulary>(_ name: String, _ path: WritableKeyPath<Place, [V]> & Sendable) -> PlaceColumn {
        PlaceColumn(name: name, kind: .bits(maximum: VocabularyBits<V>.maximumRawValue), value: { Int(VocabularyBits($0[keyPath: path]).rawValue) }) { row, place in
            let raw = try row.decode(column: name, as: Int.self)
            guard let rawValue = UInt32(exactly: raw), let bits = VocabularyBits<V>(rawValue: rawValue) else { throw StoredValueError(column: name) }
            place[keyPath: path] = bits.values
        }
    }
}
