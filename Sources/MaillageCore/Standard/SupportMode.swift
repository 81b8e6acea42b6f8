/// `modalites_accompagnement`: how the help is given.
public enum SupportMode: String, StandardVocabulary {
    case enAutonomie = "En autonomie"
    case accompagnementIndividuel = "Accompagnement individuel"
    case atelierCollectif = "Dans un atelier collectif"
    case aDistance = "À distance"

    public static let column = StandardColumn.modalitesAccompagnement
}
