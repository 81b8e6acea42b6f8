/// A real place as Maillage shows it: the merge of the source records that describe it.
public struct MergedPlace: Hashable, Codable, Sendable, Identifiable {
    public var place: Place
    /// Every record merged into this place, highest-priority source first.
    public var provenances: [Provenance]
    /// For each standard column, the record its value came from (multi-valued columns: every contributing record).
    public var fieldSources: [String: [String]]
    /// Why the records were merged, in the order the rules joined them.
    public var decisions: [MergeDecision]

    public var id: String { place.id }

    public init(place: Place, provenances: [Provenance], fieldSources: [String: [String]], decisions: [MergeDecision]) {
        self.place = place
        self.provenances = provenances
        self.fieldSources = fieldSources
        self.decisions = decisions
    }
}

/// One reason two source records were taken as the same place.
public struct MergeDecision: Hashable, Codable, Sendable {
    public enum Rule: String, Codable, Sendable, CaseIterable {
        /// Same SIRET at the same address.
        case siretAndAddress = "siret-adresse"
        /// Same normalised name, same commune, within a short distance.
        case nameNearby = "nom-proximite"
        /// Same normalised street address in the same commune.
        case sameAddress = "adresse"

        public var label: String {
            switch self {
            case .siretAndAddress: "même SIRET à la même adresse"
            case .nameNearby: "même nom, même commune, à faible distance"
            case .sameAddress: "même adresse normalisée dans la même commune"
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
