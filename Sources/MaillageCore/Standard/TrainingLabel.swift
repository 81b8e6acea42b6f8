/// `formations_labels`: trainings and labels of the place's staff.
public enum TrainingLabel: String, StandardVocabulary {
    case monEspaceSante = "Formé à « Mon Espace Santé »"
    case duplex = "Formé à « DUPLEX » (illettrisme)"
    case arnia = "Arnia/MedNum BFC (Bourgogne-Franche-Comté)"
    case reemploiNormandie = "Collectif ressources et acteurs réemploi (Normandie)"
    /// The description and the ANCT library spelling; the schema pattern has no space before "(".
    case etapesNumeriques = "Étapes numériques (La Poste)"
    case fabriquesDeTerritoire = "Fabriques de Territoire"
    case eclaireursDuNumerique = "Les Éclaireurs du numérique (Drôme)"
    case mesPapiers = "Mes Papiers (Métropole de Lyon)"
    case ordi3 = "ORDI 3.0"
    case sudLabs = "SUD LABS (PACA)"

    public static let column = StandardColumn.formationsLabels
    public static let aliases: [String: TrainingLabel] = ["Étapes numériques(La Poste)": .etapesNumeriques]
}
