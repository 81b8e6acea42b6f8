/// `services`: the 9 services of the standard.
public enum Service: String, StandardVocabulary {
    case aideDemarchesAdministratives = "Aide aux démarches administratives"
    case maitriseOutilsNumeriques = "Maîtrise des outils numériques du quotidien"
    case insertionProfessionnelle = "Insertion professionnelle via le numérique"
    case utilisationSecurisee = "Utilisation sécurisée du numérique"
    case parentaliteEducation = "Parentalité et éducation avec le numérique"
    case loisirsCreations = "Loisirs et créations numériques"
    case comprehensionMondeNumerique = "Compréhension du monde numérique"
    case accesInternetMateriel = "Accès internet et matériel informatique"
    case acquisitionMaterielSolidaire = "Acquisition de matériel informatique à prix solidaire"

    public static let column = StandardColumn.services
    public static let aliases: [String: Service] = [
        // The field description of the schema writes it without the accent.
        "Comprehension du monde numérique": .comprehensionMondeNumerique
    ]
}
