import Hummingbird
import MaillageCore

/// `/api/v1/partenariats/suggestions`: the partnerships suggested for a commune's structures, with their reasons.
struct PartnershipSuggestionsDTO: ResponseEncodable, Sendable {
    struct Suggestion: Encodable, Sendable {
        var structure: String
        var nomStructure: String
        var partenaire: String
        var nomPartenaire: String
        var lien: String
        /// Where the evidence comes from, each kind once: `portee`, `parcours`, `rupture`.
        var origines: [String]
        var distanceM: Int
        var minutesBus: Int
        var minutesAPied: Int
        var raisons: [String]
    }

    var territoire: String
    var commune: String
    var minutes: Int
    var suggestions: [Suggestion]

    init(_ suggestions: [PartnershipSuggestion], territory: Siren, commune: CommuneCode, minutes: Double) {
        territoire = territory.rawValue
        self.commune = commune.rawValue
        self.minutes = Int(minutes.rounded())
        self.suggestions = suggestions.map { suggestion in
            Suggestion(
                structure: suggestion.from.id, nomStructure: suggestion.from.name, partenaire: suggestion.to.id, nomPartenaire: suggestion.to.name,
                lien: suggestion.kind.rawValue,
                origines: suggestion.bases.map(\.key).reduce(into: []) { kinds, key in if !kinds.contains(key) { kinds.append(key) } },
                distanceM: Int(suggestion.distanceMetres.rounded()),
                minutesBus: Int(suggestion.times.bus.rounded()), minutesAPied: Int(suggestion.times.walking.rounded()), raisons: suggestion.reasons)
        }
    }
}

extension PartnershipSuggestion.Basis {
    /// The basis's kind, as the API names it.
    var key: String {
        switch self {
        case .reach: "portee"
        case .journeyStep: "parcours"
        case .rupture: "rupture"
        }
    }
}
