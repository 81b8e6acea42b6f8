/// `itinerance`: whether the place moves.
public enum Itinerancy: String, StandardVocabulary {
    case itinerant = "Itinérant"
    case fixe = "Fixe"

    public static let column = StandardColumn.itinerance
}
