extension StandardColumn {
    /// The column's name on French pages.
    public var label: String {
        switch self {
        case .id: "Identifiant"
        case .pivot: "SIRET ou RNA"
        case .nom: "Nom du lieu"
        case .commune: "Commune"
        case .codePostal: "Code postal"
        case .codeInsee: "Code INSEE"
        case .adresse: "Adresse"
        case .complementAdresse: "Complément d'adresse"
        case .latitude: "Latitude"
        case .longitude: "Longitude"
        case .typologie: "Typologie"
        case .telephone: "Téléphone"
        case .courriels: "Courriels"
        case .siteWeb: "Sites web"
        case .horaires: "Horaires"
        case .presentationResume: "Présentation courte"
        case .presentationDetail: "Présentation détaillée"
        case .source: "Source"
        case .itinerance: "Itinérance"
        case .structureParente: "Structure parente"
        case .dateMaj: "Date de mise à jour"
        case .services: "Services"
        case .publicsSpecifiquementAdresses: "Publics spécifiquement adressés"
        case .priseEnChargeSpecifique: "Prise en charge spécifique"
        case .fraisACharge: "Frais à charge"
        case .dispositifProgrammesNationaux: "Dispositifs et programmes nationaux"
        case .formationsLabels: "Formations et labels"
        case .autresFormationsLabels: "Autres formations et labels"
        case .modalitesAcces: "Modalités d'accès"
        case .modalitesAccompagnement: "Modalités d'accompagnement"
        case .ficheAccesLibre: "Fiche Accès libre"
        case .priseRdv: "Prise de rendez-vous en ligne"
        }
    }
}
