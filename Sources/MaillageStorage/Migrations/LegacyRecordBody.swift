import Foundation
import MaillageCore

/// The JSON body of a source record as the schema before 0011 stored it, decoded by a frozen copy of its shape (not
/// by today's Codable types, which may change) and converted into a ``SourceRecord``.
struct LegacyRecordBody: Decodable {
    struct Provenance: Decodable {
        var source: String
        var sourceID: String
        var dateMaj: String
    }

    struct Coordinate: Decodable {
        var latitude: Double
        var longitude: Double
    }

    struct Unmapped: Decodable {
        var field: String
        var value: String
    }

    struct Place: Decodable {
        var id, pivot, nom, commune, codePostal, adresse, dateMaj: String
        var codeInsee, complementAdresse, telephone, horaires, presentationResume, presentationDetail, source: String?
        var structureParente, ficheAccesLibre, priseRdv, precision: String?
        var coordinate: Coordinate?
        var typologie, courriels, siteWeb, itinerance, services, publicsSpecifiquementAdresses: [String]?
        var priseEnChargeSpecifique, fraisACharge, dispositifProgrammesNationaux, formationsLabels: [String]?
        var autresFormationsLabels, modalitesAcces, modalitesAccompagnement: [String]?
        var unmappedValues: [Unmapped]?
    }

    var provenance: Provenance
    var place: Place

    /// The record, or ``StoredValueError`` naming the first value today's types refuse.
    func record() throws -> SourceRecord {
        guard let kind = SourceKind(rawValue: provenance.source) else { throw StoredValueError(column: "provenance.source") }
        guard let recorded = CalendarDay(provenance.dateMaj) else { throw StoredValueError(column: "provenance.dateMaj") }
        guard let dateMaj = CalendarDay(place.dateMaj) else { throw StoredValueError(column: "dateMaj") }
        let codeInsee = try place.codeInsee.map { code in
            guard let commune = CommuneCode(code) else { throw StoredValueError(column: "codeInsee") }
            return commune
        }
        var converted = MaillageCore.Place(
            id: place.id, pivot: place.pivot, nom: place.nom, commune: place.commune,
            codePostal: place.codePostal, codeInsee: codeInsee, adresse: place.adresse, dateMaj: dateMaj)
        converted.complementAdresse = place.complementAdresse
        converted.coordinate = place.coordinate.map { MaillageCore.Coordinate(latitude: $0.latitude, longitude: $0.longitude) }
        converted.typologie = try Self.values(place.typologie, "typologie")
        converted.telephone = place.telephone
        converted.courriels = place.courriels ?? []
        converted.siteWeb = place.siteWeb ?? []
        converted.horaires = place.horaires
        converted.presentationResume = place.presentationResume
        converted.presentationDetail = place.presentationDetail
        converted.source = place.source
        converted.itinerance = try Self.values(place.itinerance, "itinerance")
        converted.structureParente = place.structureParente
        converted.services = try Self.values(place.services, "services")
        converted.publicsSpecifiquementAdresses = try Self.values(place.publicsSpecifiquementAdresses, "publicsSpecifiquementAdresses")
        converted.priseEnChargeSpecifique = try Self.values(place.priseEnChargeSpecifique, "priseEnChargeSpecifique")
        converted.fraisACharge = try Self.values(place.fraisACharge, "fraisACharge")
        converted.dispositifProgrammesNationaux = try Self.values(place.dispositifProgrammesNationaux, "dispositifProgrammesNationaux")
        converted.formationsLabels = try Self.values(place.formationsLabels, "formationsLabels")
        converted.autresFormationsLabels = place.autresFormationsLabels ?? []
        converted.modalitesAcces = try Self.values(place.modalitesAcces, "modalitesAcces")
        converted.modalitesAccompagnement = try Self.values(place.modalitesAccompagnement, "modalitesAccompagnement")
        converted.ficheAccesLibre = place.ficheAccesLibre
        converted.priseRdv = place.priseRdv
        converted.precision =
            try place.precision.map { text in
                guard let precision = LocationPrecision(rawValue: text) else { throw StoredValueError(column: "precision") }
                return precision
            } ?? .none
        converted.unmappedValues = (place.unmappedValues ?? []).map { UnmappedValue(field: $0.field, value: $0.value) }
        return SourceRecord(
            provenance: MaillageCore.Provenance(source: kind, sourceID: provenance.sourceID, dateMaj: recorded),
            place: converted)
    }

    private static func values<V: RawRepresentable>(_ texts: [String]?, _ field: String) throws -> [V] where V.RawValue == String {
        try (texts ?? []).map { text in
            guard let value = V(rawValue: text) else { throw StoredValueError(column: field) }
            return value
        }
    }
}
