/// The 2022 ("v0") vocabulary of the national mediation files, mapped to the v1.0.2 standard.
///
/// One versioned table: change it by adding a revision, so that an import report always says which mapping it used.
/// A value the table does not know, or knows to have no equivalent (e.g. "Adultes", which is "tout public"), is kept on
/// the place as an ``UnmappedValue`` and counted in the import report.
public enum LegacyVocabulary {
    public static let revision = "vocabulaire 2022 → standard v1.0.2, révision 1"

    /// Fields of the 2022 files that carry vocabulary values.
    public enum Field: String, Sendable, CaseIterable {
        case services
        case labelsNationaux = "labels_nationaux"
        case conditionsAcces = "conditions_acces"
        case publicsAccueillis = "publics_accueillis"
        case modalitesAccompagnement = "modalites_accompagnement"
        case typologie
    }

    /// The targets of a 2022 value: nil when unknown, empty when known to have no equivalent.
    public static func targets(of value: String, in field: Field) -> [StandardValue]? {
        let table = tables[field] ?? [:]
        if let exact = table[key(value)] { return exact }
        // "Gratuit : Je peux accéder…": the label before the colon carries the meaning.
        if let colon = value.firstIndex(of: ":"), let head = table[key(String(value[..<colon]))] { return head }
        if field == .typologie, let typology = Typology(standardValue: value) { return [.typology(typology)] }
        return nil
    }

    /// Maps each value onto the place; keeps what maps to nothing. Returns the values kept unmapped.
    @discardableResult
    public static func apply(_ values: [String], field: Field, to place: inout Place) -> [UnmappedValue] {
        var unmapped: [UnmappedValue] = []
        for value in values {
            guard let trimmed = value.nonBlank else { continue }
            let targets = targets(of: trimmed, in: field) ?? []
            if targets.isEmpty {
                let kept = UnmappedValue(field: field.rawValue, value: trimmed)
                if !place.unmappedValues.contains(kept) { place.unmappedValues.append(kept) }
                unmapped.append(kept)
            }
            for target in targets { place.add(target) }
        }
        return unmapped
    }

    private static func key(_ text: String) -> String { text.folded }

    private static let tables: [Field: [String: [StandardValue]]] = {
        func table(_ entries: [(String, [StandardValue])]) -> [String: [StandardValue]] {
            Dictionary(entries.map { (key($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
        }
        return [
            .services: table([
                ("Prendre en main un smartphone ou une tablette", [.service(.maitriseOutilsNumeriques)]),
                ("Prendre en main un ordinateur", [.service(.maitriseOutilsNumeriques)]),
                ("Utiliser le numérique au quotidien", [.service(.maitriseOutilsNumeriques)]),
                ("Approfondir ma culture numérique", [.service(.comprehensionMondeNumerique)]),
                ("Promouvoir la citoyenneté numérique", [.service(.comprehensionMondeNumerique)]),
                ("Devenir autonome dans les démarches administratives", [.service(.aideDemarchesAdministratives)]),
                ("Réaliser des démarches administratives avec un accompagnement", [.service(.aideDemarchesAdministratives)]),
                ("Accompagner les démarches de santé", [.service(.aideDemarchesAdministratives)]),
                ("Favoriser mon insertion professionnelle", [.service(.insertionProfessionnelle)]),
                ("Créer et développer mon entreprise", [.service(.insertionProfessionnelle)]),
                ("Accéder à une connexion internet", [.service(.accesInternetMateriel)]),
                ("Accéder à du matériel", [.service(.accesInternetMateriel)]),
                ("S'équiper en matériel informatique", [.service(.acquisitionMaterielSolidaire)]),
                ("Créer avec le numérique", [.service(.loisirsCreations)]),
                ("Soutenir la parentalité et l'éducation avec le numérique", [.service(.parentaliteEducation)])
            ]),
            .labelsNationaux: table([
                ("CNFS", [.programme(.conseillersNumeriques)]),
                ("Conseillers numériques", [.programme(.conseillersNumeriques)]),
                ("Aidants Connect", [.programme(.aidantsConnect)]),
                ("France Services", [.programme(.franceServices)])
            ]),
            .conditionsAcces: table([
                ("Gratuit", [.fee(.gratuit)]),
                ("Gratuit sous condition", [.fee(.gratuitSousCondition)]),
                ("Payant", [.fee(.payant)]),
                ("Adhésion", [.fee(.payant)])
            ]),
            .publicsAccueillis: table([
                ("Adultes", []),
                ("Jeunes (16-26 ans)", [.targetPublic(.jeunes)]),
                ("Seniors (+ 65 ans)", [.targetPublic(.seniors)]),
                ("Familles/enfants", [.targetPublic(.familles)]),
                ("Surdité", [.specificSupport(.surdite)]),
                ("Déficience visuelle", [.specificSupport(.deficienceVisuelle)]),
                ("Personnes en situation d'illettrisme", [.specificSupport(.illettrisme)]),
                ("Handicaps mentaux", [.specificSupport(.handicapsMentaux)]),
                ("Handicaps psychiques", [.specificSupport(.handicapsMentaux)]),
                ("Public langues étrangères", [.specificSupport(.languesEtrangeresAutres)])
            ]),
            .modalitesAccompagnement: table([
                ("Avec de l'aide", [.supportMode(.accompagnementIndividuel)]),
                ("Dans un atelier", [.supportMode(.atelierCollectif)]),
                ("Seul", [.supportMode(.enAutonomie)]),
                ("A ma place", [.supportMode(.accompagnementIndividuel)])
            ]),
            .typologie: [:]
        ]
    }()
}
