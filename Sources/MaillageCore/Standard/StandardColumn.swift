/// The 32 columns of the national standard, in the exact order of the schema and of its CSV files.
public enum StandardColumn: String, CaseIterable, Codable, Sendable {
    case id, pivot, nom, commune
    case codePostal = "code_postal"
    case codeInsee = "code_insee"
    case adresse
    case complementAdresse = "complement_adresse"
    case latitude, longitude, typologie, telephone, courriels
    case siteWeb = "site_web"
    case horaires
    case presentationResume = "presentation_resume"
    case presentationDetail = "presentation_detail"
    case source, itinerance
    case structureParente = "structure_parente"
    case dateMaj = "date_maj"
    case services
    case publicsSpecifiquementAdresses = "publics_specifiquement_adresses"
    case priseEnChargeSpecifique = "prise_en_charge_specifique"
    case fraisACharge = "frais_a_charge"
    case dispositifProgrammesNationaux = "dispositif_programmes_nationaux"
    case formationsLabels = "formations_labels"
    case autresFormationsLabels = "autres_formations_labels"
    case modalitesAcces = "modalites_acces"
    case modalitesAccompagnement = "modalites_accompagnement"
    case ficheAccesLibre = "fiche_acces_libre"
    case priseRdv = "prise_rdv"

    /// Columns a valid file must fill on every row.
    public var isRequired: Bool {
        switch self {
        case .id, .pivot, .nom, .commune, .codePostal, .adresse, .dateMaj: true
        default: false
        }
    }

    /// The separator of multi-valued columns in standard files.
    public static let valueSeparator: Character = "|"
}
