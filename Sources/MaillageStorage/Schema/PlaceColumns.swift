import MaillageCore
import SQLKit

/// The single-valued columns of a stored place: name, and how each is written from and read into a ``Place``. One list
/// serves the inserts and the reads, so they cannot drift apart (the tables themselves are created by the migrations).
struct PlaceColumn: Sendable {
    let name: String
    let value: @Sendable (Place) -> any Encodable & Sendable
    let read: @Sendable (any SQLRow, inout Place) throws -> Void
}

enum PlaceColumns {
    /// Every column read into or written from the place itself (its identifier and block are the table's own).
    static let all: [PlaceColumn] = [
        text("pivot", \.pivot), text(nom, \.nom), text("commune", \.commune), text("code_postal", \.codePostal),
        PlaceColumn(name: communeCode, value: { $0.codeInsee?.rawValue }) { row, place in
            place.codeInsee = try row.optionalString(communeCode).flatMap(CommuneCode.init)
        },
        text("adresse", \.adresse), optionalText("complement_adresse", \.complementAdresse),
        PlaceColumn(name: "latitude", value: { $0.coordinate?.latitude }) { row, place in
            if let latitude = try row.optionalDouble("latitude"), let longitude = try row.optionalDouble("longitude") {
                place.coordinate = Coordinate(latitude: latitude, longitude: longitude)
            }
        },
        PlaceColumn(name: "longitude", value: { $0.coordinate?.longitude }) { _, _ in },
        optionalText("telephone", \.telephone), optionalText("horaires", \.horaires),
        optionalText("presentation_resume", \.presentationResume), optionalText("presentation_detail", \.presentationDetail),
        optionalText("source_nom", \.source), optionalText("structure_parente", \.structureParente),
        PlaceColumn(name: "date_maj", value: { $0.dateMaj.description }) { row, place in
            guard let day = CalendarDay(try row.decode(column: "date_maj", as: String.self)) else { throw StoredValueError(column: "date_maj") }
            place.dateMaj = day
        },
        optionalText("fiche_acces_libre", \.ficheAccesLibre), optionalText("prise_rdv", \.priseRdv),
        PlaceColumn(name: "precision", value: { $0.precision.rawValue }) { row, place in
            guard let precision = LocationPrecision(rawValue: try row.decode(column: "precision", as: String.self)) else {
                throw StoredValueError(column: "precision")
            }
            place.precision = precision
        },
        bits("itinerance", \.itinerance), bits("services", \.services), bits("publics_specifiquement_adresses", \.publicsSpecifiquementAdresses),
        bits("prise_en_charge_specifique", \.priseEnChargeSpecifique), bits("frais_a_charge", \.fraisACharge),
        bits("dispositif_programmes_nationaux", \.dispositifProgrammesNationaux), bits("formations_labels", \.formationsLabels),
        bits("modalites_acces", \.modalitesAcces), bits("modalites_accompagnement", \.modalitesAccompagnement)
    ]

    /// The place's name, which pages sort by.
    static let nom = "nom"

    /// The commune's INSEE code, which queries filter on.
    static let communeCode = "commune_code"

    private static func text(_ name: String, _ path: WritableKeyPath<Place, String> & Sendable) -> PlaceColumn {
        PlaceColumn(name: name, value: { $0[keyPath: path] }) { row, place in place[keyPath: path] = try row.decode(column: name, as: String.self) }
    }

    private static func optionalText(_ name: String, _ path: WritableKeyPath<Place, String?> & Sendable) -> PlaceColumn {
        PlaceColumn(name: name, value: { $0[keyPath: path] }) { row, place in
            place[keyPath: path] = try row.optionalString(name)
        }
    }

    private static func bits<V: StandardVocabulary>(_ name: String, _ path: WritableKeyPath<Place, [V]> & Sendable) -> PlaceColumn {
        PlaceColumn(name: name, value: { Int(VocabularyBits($0[keyPath: path]).rawValue) }) { row, place in
            let raw = try row.decode(column: name, as: Int.self)
            guard let rawValue = UInt32(exactly: raw), let bits = VocabularyBits<V>(rawValue: rawValue) else { throw StoredValueError(column: name) }
            place[keyPath: path] = bits.values
        }
    }
}
