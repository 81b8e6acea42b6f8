extension Service {
    /// What the service means for a person, in plain French (used by the guided orientation).
    public var plainDescription: String {
        switch self {
        case .aideDemarchesAdministratives: "faire une démarche en ligne : CAF, impôts, retraite, Ameli, France Travail, titres…"
        case .maitriseOutilsNumeriques: "apprendre à se servir d'un ordinateur, d'un smartphone, d'une tablette, des courriels"
        case .insertionProfessionnelle: "chercher un emploi ou une formation en ligne, faire son CV, candidater"
        case .utilisationSecurisee: "se protéger des arnaques, gérer ses mots de passe et ses données personnelles"
        case .parentaliteEducation: "suivre la scolarité des enfants en ligne, accompagner leurs usages des écrans"
        case .loisirsCreations: "photo, vidéo, jeux, création numérique, fablab"
        case .comprehensionMondeNumerique: "comprendre le numérique, l'information en ligne, les réseaux sociaux"
        case .accesInternetMateriel: "utiliser sur place un ordinateur, une connexion internet, une imprimante"
        case .acquisitionMaterielSolidaire: "acheter un ordinateur ou un téléphone reconditionné à petit prix"
        }
    }
}
