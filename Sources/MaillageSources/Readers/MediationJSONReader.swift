import MaillageCore

/// Reads the 2022-vocabulary JSON exports of the national mediation pipeline: the conseillers numériques file and the
/// data·inclusion extract. Both share field names; data·inclusion adds typology, INSEE code, publics and modalités.
public enum MediationJSONReader {
    /// What each field's JSON type must be; identifiers, codes and coordinates may be numbers.
    static let fieldTypes: [String: JSONFieldType] = {
        var types = Dictionary(
            uniqueKeysWithValues: [
                "nom", "services", "commune", "adresse", "complement_adresse", "courriel", "telephone",
                "site_web", "conditions_access", "conditions_acces", "labels_nationaux", "horaires",
                "source", "typologie", "publics_accueillis", "modalites_accompagnement", "presentation_resume",
                "presentation_detail", "prise_rdv", "date_maj"
            ].map { ($0, JSONFieldType.text) })
        for field in ["id", "pivot", "code_postal", "code_insee", "latitude", "longitude"] { types[field] = .textOrNumber }
        return types
    }()

    public static func read(
        _ text: String, file: String, source: SourceKind, locator: PlaceLocator
    ) throws(ImportError)
        -> (records: [SourceRecord], report: ImportReport)
    {
        var collector = RecordCollector(source: source, locator: locator, file: file, format: source.rawValue)
        collector.report.vocabularyRevision = LegacyVocabulary.revision
        try JSONRows.forEachObject(text, file: file) { line, row throws(ImportError) in
            collector.rowRead()
            let row = collector.typed(row, line: line, expecting: Self.fieldTypes)
            guard let date = CalendarDay(row.string("date_maj")) else {
                collector.reject(line: line, field: "date_maj", value: row.string("date_maj"), expected: "une date AAAA-MM-JJ")
                return
            }
            guard let postalCode = Optional(row.string("code_postal").leftPadded(to: 5)), postalCode.count == 5 else {
                collector.reject(line: line, field: "code_postal", value: row.string("code_postal"), expected: "un code postal de 5 chiffres")
                return
            }
            // data·inclusion ids are unique only within each upstream source ("dora", "Hinaura"…).
            let id =
                source == .dataInclusion && !row.string("source").isEmpty && !row.string("id").isEmpty
                ? "\(row.string("source"))/\(row.string("id"))" : row.string("id")
            var place = Place(
                id: id, pivot: collector.pivot(row.string("pivot"), line: line, field: "pivot"), nom: row.string("nom"),
                commune: row.string("commune"), codePostal: postalCode, codeInsee: CommuneCode(row.string("code_insee")),
                adresse: row.string("adresse"), dateMaj: date)
            place.complementAdresse = row.string("complement_adresse").nonBlank
            place.coordinate = PlaceFields.coordinate(row.double("latitude"), row.double("longitude"))
            place.telephone = PlaceFields.phone(row.string("telephone"))
            place.courriels = PlaceFields.list(row.string("courriel"), separator: ";")
            place.siteWeb = PlaceFields.list(row.string("site_web"), separator: ";").compactMap(PlaceFields.url)
            place.horaires = row.string("horaires").nonBlank
            place.presentationResume = row.string("presentation_resume").nonBlank
            place.presentationDetail = row.string("presentation_detail").nonBlank
            place.source = row.string("source").nonBlank
            place.priseRdv = PlaceFields.url(row.string("prise_rdv"))
            let vocabulary: [(LegacyVocabulary.Field, String)] = [
                (.services, "services"), (.labelsNationaux, "labels_nationaux"), (.conditionsAcces, "conditions_access"),
                (.conditionsAcces, "conditions_acces"), (.publicsAccueillis, "publics_accueillis"),
                (.modalitesAccompagnement, "modalites_accompagnement"), (.typologie, "typologie")
            ]
            for (field, key) in vocabulary {
                LegacyVocabulary.apply(PlaceFields.list(row.string(key), separator: ";"), field: field, to: &place)
            }
            if place.telephone != nil { place.add(.accessMode(.telephoner)) }
            if place.priseRdv != nil { place.add(.accessMode(.rdvEnLigne)) }
            collector.accept(place, line: line)
        }
        return (collector.records, collector.report)
    }
}
