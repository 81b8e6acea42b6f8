import MaillageCore

/// Columns of the standard read and written on their own, for the declaration form and the validated fields: a
/// value is checked exactly as a standard file's cell would be, plus the schema's own patterns (``StandardConformance``).
public enum StandardField {
    /// The columns a structure declares: all but the identifier and the update date, which Maillage sets.
    public static let declarable: [StandardColumn] = StandardColumn.allCases.filter { $0 != .id && $0 != .dateMaj }

    /// A value as people type it, put in the standard's form where that is unambiguous: a French telephone number
    /// (`03 27 …` → `+33327…`), a web address without its scheme (`www.…` → `https://www.…`), e-mails separated by
    /// commas or spaces.
    public static func normalised(_ column: StandardColumn, _ text: String) -> String {
        let text = text.trimmed
        switch column {
        case .telephone: return text.isEmpty ? "" : PlaceFields.phone(text) ?? text
        case .siteWeb, .priseRdv, .ficheAccesLibre:
            return text.split(separator: "|").map { link in PlaceFields.url(String(link)) ?? link.trimmed }.joined(separator: "|")
        case .courriels:
            return text.split(whereSeparator: { $0 == "|" || $0 == "," || $0 == ";" || $0 == " " }).map { $0.lowercased() }.joined(separator: "|")
        default: return text
        }
    }

    /// The column's text cell for a place (lists joined by `|`).
    public static func text(_ column: StandardColumn, of place: Place) -> String {
        StandardRowCodec.encode(place)[column] ?? ""
    }

    /// Sets columns from their text cells, each checked as the standard checks it; on any problem the place is left
    /// unchanged and the problems returned.
    @discardableResult
    public static func set(_ values: [StandardColumn: String], on place: inout Place) -> [StandardRowCodec.Problem] {
        // Columns not being set get valid placeholders: a problem can only come from what is being set.
        var row: [StandardColumn: String] = [.id: "x", .nom: "x", .commune: "x", .codePostal: "00000", .adresse: "x", .dateMaj: "2000-01-01"]
        if values[.latitude] != nil || values[.longitude] != nil {
            let current = StandardRowCodec.encode(place)
            row[.latitude] = current[.latitude]
            row[.longitude] = current[.longitude]
        }
        for (column, text) in values { row[column] = text.trimmed }
        if (row[.pivot] ?? "").isEmpty { row[.pivot] = StandardRowCodec.unknownPivot }
        var problems = StandardConformance.problems(in: values)
        let decoded: Place
        switch StandardRowCodec.decode(row) {
        case .success(let place): decoded = place
        case .failure(let list): problems += list.problems; decoded = place
        }
        guard problems.isEmpty else { return Array(Set(problems)).sorted { $0.column.rawValue < $1.column.rawValue } }
        for column in values.keys { copy(column, from: decoded, to: &place) }
        return []
    }

    /// Copies one column's value between places.
    private static func copy(_ column: StandardColumn, from source: Place, to place: inout Place) {
        switch column {
        case .id: place.id = source.id
        case .pivot: place.pivot = source.pivot
        case .nom: place.nom = source.nom
        case .commune: place.commune = source.commune
        case .codePostal: place.codePostal = source.codePostal
        case .codeInsee: place.codeInsee = source.codeInsee
        case .adresse: place.adresse = source.adresse
        case .complementAdresse: place.complementAdresse = source.complementAdresse
        case .latitude, .longitude:
            if let coordinate = source.coordinate {
                place.coordinate = coordinate
                place.precision = .adresse
            }
        case .typologie: place.typologie = source.typologie
        case .telephone: place.telephone = source.telephone
        case .courriels: place.courriels = source.courriels
        case .siteWeb: place.siteWeb = source.siteWeb
        case .horaires: place.horaires = source.horaires
        case .presentationResume: place.presentationResume = source.presentationResume
        case .presentationDetail: place.presentationDetail = source.presentationDetail
        case .source: place.source = source.source
        case .itinerance: place.itinerance = source.itinerance
        case .structureParente: place.structureParente = source.structureParente
        case .dateMaj: place.dateMaj = source.dateMaj
        case .services: place.services = source.services
        case .publicsSpecifiquementAdresses: place.publicsSpecifiquementAdresses = source.publicsSpecifiquementAdresses
        case .priseEnChargeSpecifique: place.priseEnChargeSpecifique = source.priseEnChargeSpecifique
        case .fraisACharge: place.fraisACharge = source.fraisACharge
        case .dispositifProgrammesNationaux: place.dispositifProgrammesNationaux = source.dispositifProgrammesNationaux
        case .formationsLabels: place.formationsLabels = source.formationsLabels
        case .autresFormationsLabels: place.autresFormationsLabels = source.autresFormationsLabels
        case .modalitesAcces: place.modalitesAcces = source.modalitesAcces
        case .modalitesAccompagnement: place.modalitesAccompagnement = source.modalitesAccompagnement
        case .ficheAccesLibre: place.ficheAccesLibre = source.ficheAccesLibre
        case .priseRdv: place.priseRdv = source.priseRdv
        }
    }
}
