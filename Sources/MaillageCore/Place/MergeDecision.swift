/// One reason two source records were taken as the same place.
public struct MergeDecision: Hashable, Codable, Sendable {
    public enum Rule: String, Codable, Sendable, CaseIterable {
        /// Same SIRET at the same address.
        case siretAndAddress = "siret-adresse"
        /// Same normalised name, same commune, within a short distance.
        case nameNearby = "nom-proximite"
        /// Same normalised street address in the same commune.
        case sameAddress = "adresse"
        /// Same street, one without a house number, and the same kind of place or one name within the other.
        case sameStreetAndName = "rue-nom"

        public var label: String {
            switch self {
            case .siretAndAddress: "même SIRET à la même adresse"
            case .nameNearby: "même nom, même commune, à faible distance"
            case .sameAddress: "même adresse normalisée dans la même commune"
            case .sameStreetAndName: "même rue, même type de lieu ou nom contenu dans l'autre"
            }
        }
    }

    public var rule: Rule
    /// Provenance keys (`source:id`) of the two records.
    public var first: String
    public var second: String
    public var detail: String

    public init(rule: Rule, first: String, second: String, detail: String) {
        self.rule = rule
        self.first = first
        self.second = second
        self.detail = detail
    }
}
