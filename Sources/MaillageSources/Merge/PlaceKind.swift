/// What a place is, read from its name, when the name says it: two records of different kinds at one address (the
/// town hall and its CCAS, a library and the mission locale it hosts) are two places.
enum PlaceKind: Sendable {
    case townHall, ccas, franceServices, library, missionLocale, socialCentre, other

    /// Reads the kind from a folded name ("centre communal d action sociale de denain" is a CCAS).
    init(foldedName name: String) {
        let words = name.split(separator: " ")
        // Word by word rather than `String.contains`, which Foundation answers by bridging every name to `NSString`.
        func has(_ phrase: [Substring]) -> Bool {
            guard phrase.count <= words.count else { return false }
            return (0...(words.count - phrase.count)).contains { start in
                phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
            }
        }
        if let (kind, _) = Self.phrases.first(where: { $0.phrases.contains(where: has) }) {
            self = kind
        } else if let first = words.first, ["mairie", "commune", "ville", "hotel"].contains(first) {
            self = .townHall
        } else {
            self = .other
        }
    }

    /// The phrases that state a kind anywhere in a name, in the order they are tried.
    private static let phrases: [(kind: PlaceKind, phrases: [[Substring]])] = [
        (.ccas, ["ccas", "cias", "centre communal d action sociale", "centre intercommunal d action sociale"]),
        (.franceServices, ["france services", "france service", "msap", "maison de services au public"]),
        (.missionLocale, ["mission locale"]),
        (.library, ["bibliotheque", "mediatheque"]),
        (.socialCentre, ["centre social", "centre socio culturel", "centre socioculturel", "maison de quartier", "maison de quartiers"])
    ].map { kind, phrases in (kind, phrases.map { $0.split(separator: " ") }) }

    /// Two kinds the names both state, and that differ.
    func contradicts(_ other: PlaceKind) -> Bool { self != .other && other != .other && self != other }
}
