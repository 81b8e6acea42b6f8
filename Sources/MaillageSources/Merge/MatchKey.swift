import MaillageCore

/// The normalised forms of a record that the merge rules compare.
struct MatchKey {
    let siret: String
    let name: String
    let nameWords: Set<String>
    let address: String
    let hasHouseNumber: Bool

    init(_ record: SourceRecord) {
        let place = record.place
        siret = place.pivot.count == 14 ? place.pivot : ""
        let communeWords = Set(place.commune.folded.split(separator: " ").map(String.init))
        // plural and singular compare equal: "France services" is "France service"
        let words = place.nom.folded.split(separator: " ").map { $0.count > 4 && $0.hasSuffix("s") ? String($0.dropLast()) : String($0) }
        name = words.filter { !Self.nameStopWords.contains($0) }.joined(separator: " ")
        nameWords = Set(words.filter { $0.count > 2 && !Self.nameStopWords.contains($0) && !Self.genericWords.contains($0) })
            .subtracting(communeWords)
        let addressWords = place.adresse.folded.split(separator: " ").map { Self.streetTypes[String($0)] ?? String($0) }
        address = addressWords.filter { !Self.nameStopWords.contains($0) }.joined(separator: " ")
        hasHouseNumber = addressWords.first.map { $0.first?.isNumber ?? false } ?? false
    }

    private static let nameStopWords: Set<String> = ["de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en"]
    /// Words every other structure has in its name: sharing them proves nothing.
    private static let genericWords: Set<String> = [
        "mairie", "commune", "ville", "centre", "social", "sociale", "association", "maison", "espace", "service", "services",
        "france", "ccas", "cias", "mediatheque", "bibliotheque", "numerique", "antenne", "site", "point", "structure",
    ]
    private static let streetTypes: [String: String] = [
        "r": "rue", "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "pl": "place", "rte": "route",
        "chem": "chemin", "imp": "impasse", "all": "allee", "sq": "square", "crs": "cours", "fg": "faubourg",
    ]
}
