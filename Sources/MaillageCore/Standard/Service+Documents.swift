extension Service {
    /// What a person should bring to be helped with this service (shown on the orientation sheet).
    public var whatToBring: [String] {
        switch self {
        case .aideDemarchesAdministratives:
            [
                "une pièce d'identité", "les identifiants utiles (numéro fiscal, numéro d'allocataire CAF, numéro de sécurité sociale)",
                "les courriers reçus au sujet de la démarche", "son téléphone portable, s'il en a un (codes reçus par SMS)"
            ]
        case .insertionProfessionnelle: ["son identifiant France Travail s'il en a un", "son CV, même ancien, sur papier ou clé USB"]
        case .maitriseOutilsNumeriques, .utilisationSecurisee, .comprehensionMondeNumerique, .loisirsCreations:
            ["son smartphone, sa tablette ou son ordinateur portable, s'il en a un, chargé"]
        case .parentaliteEducation: ["les identifiants de l'espace numérique de l'école (ENT)"]
        case .accesInternetMateriel: ["une clé USB pour enregistrer ses documents", "ses identifiants de messagerie"]
        case .acquisitionMaterielSolidaire: ["un justificatif de ressources (minima sociaux, avis d'imposition), souvent demandé"]
        }
    }
}

extension AccessMode {
    /// How to get in, in plain words, for the orientation sheet.
    public var instruction: String {
        switch self {
        case .sePresenter: "Se présenter sur place aux heures d'ouverture, sans rendez-vous."
        case .telephoner: "Téléphoner avant de venir."
        case .contacterParMail: "Écrire un courriel au lieu."
        case .rdvEnLigne: "Prendre rendez-vous en ligne."
        case .pasDeAccueilPublic: "Ce lieu n'accueille pas de public : passer par un professionnel."
        case .ficheDePrescription: "Le professionnel envoie une fiche de prescription par courriel au lieu."
        }
    }
}
