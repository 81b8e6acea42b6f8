/// `publics_specifiquement_adresses`: publics a place specifically addresses (empty means "tout public").
public enum TargetPublic: String, StandardVocabulary {
    case jeunes = "Jeunes"
    case etudiants = "Étudiants"
    case familles = "Familles et/ou enfants"
    case seniors = "Seniors"
    case femmes = "Femmes"

    public static let column = StandardColumn.publicsSpecifiquementAdresses
}
