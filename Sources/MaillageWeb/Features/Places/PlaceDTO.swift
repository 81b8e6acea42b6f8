import MaillageCore

/// A place in the JSON API: the standard's fields (snake_case), the location precision and where the data comes from.
struct PlaceDTO: Codable, Sendable {
    struct Source: Codable, Sendable {
        var source: String
        var sourceId: String
        var dateMaj: String
    }

    var id: String
    var pivot: String?
    var nom: String
    var commune: String
    var codePostal: String
    var codeInsee: String?
    var adresse: String
    var complementAdresse: String?
    var latitude: Double?
    var longitude: Double?
    var precision: String
    var typologie: [String]
    var telephone: String?
    var courriels: [String]
    var siteWeb: [String]
    var horaires: String?
    var presentationResume: String?
    var presentationDetail: String?
    var source: String?
    var itinerance: [String]
    var structureParente: String?
    var dateMaj: String
    var services: [String]
    var publicsSpecifiquementAdresses: [String]
    var priseEnChargeSpecifique: [String]
    var fraisACharge: [String]
    var dispositifProgrammesNationaux: [String]
    var formationsLabels: [String]
    var autresFormationsLabels: [String]
    var modalitesAcces: [String]
    var modalitesAccompagnement: [String]
    var ficheAccesLibre: String?
    var priseRdv: String?
    var provenances: [Source]

    init(_ merged: MergedPlace) {
        let p = merged.place
        id = p.id
        pivot = p.pivot.nonBlank
        nom = p.nom
        commune = p.commune
        codePostal = p.codePostal
        codeInsee = p.codeInsee?.rawValue
        adresse = p.adresse
        complementAdresse = p.complementAdresse
        latitude = p.coordinate?.latitude
        longitude = p.coordinate?.longitude
        precision = p.precision.rawValue
        typologie = p.typologie.map(\.rawValue)
        telephone = p.telephone
        courriels = p.courriels
        siteWeb = p.siteWeb
        horaires = p.horaires
        presentationResume = p.presentationResume
        presentationDetail = p.presentationDetail
        source = p.source
        itinerance = p.itinerance.map(\.rawValue)
        structureParente = p.structureParente
        dateMaj = p.dateMaj.description
        services = p.services.map(\.rawValue)
        publicsSpecifiquementAdresses = p.publicsSpecifiquementAdresses.map(\.rawValue)
        priseEnChargeSpecifique = p.priseEnChargeSpecifique.map(\.rawValue)
        fraisACharge = p.fraisACharge.map(\.rawValue)
        dispositifProgrammesNationaux = p.dispositifProgrammesNationaux.map(\.rawValue)
        formationsLabels = p.formationsLabels.map(\.rawValue)
        autresFormationsLabels = p.autresFormationsLabels
        modalitesAcces = p.modalitesAcces.map(\.rawValue)
        modalitesAccompagnement = p.modalitesAccompagnement.map(\.rawValue)
        ficheAccesLibre = p.ficheAccesLibre
        priseRdv = p.priseRdv
        provenances = merged.provenances.map { Source(source: $0.source.rawValue, sourceId: $0.sourceID, dateMaj: $0.dateMaj.description) }
    }
}
