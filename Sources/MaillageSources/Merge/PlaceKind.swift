/// What a place is, read from its name, when the name says it: two records of different kinds at one address (the
/// town hall and its CCAS, a library and the mission locale it hosts) are two places.
enum PlaceKind: Sendable {
    case townHall, ccas, franceServices, library, missionLocale, socialCentre, other

    /// Reads the kind from a folded name ("centre communal d action sociale de denain" is a CCAS).
    init(foldedName name: String) {
        let words = name.split(separator: " ")
        let padded = " \(name) "
        func has(_ phrase: String) -> Bool { padded.contains(" \(phrase) ") }
        if has("ccas") || has("cias") || has("centre communal d action sociale") || has("centre intercommunal d action sociale") {
            self = .ccas
        } else if has("france services") || has("france service") || has("msap") || has("maison de services au public") {
            self = .franceServices
        } else if has("mission locale") {
            self = .missionLocale
        } else if has("bibliotheque") || has("mediatheque") {
            self = .library
        } else if has("centre social") || has("centre socio culturel") || has("centre socioculturel") || has("maison de quartier") || has("maison de quartiers") {
            self = .socialCentre
        } else if let first = words.first, ["mairie", "commune", "ville", "hotel"].contains(first) {
            self = .townHall
        } else {
            self = .other
        }
    }

    /// Two kinds the names both state, and that differ.
    func contradicts(_ other: PlaceKind) -> Bool { self != .other && other != .other && self != other }
}
