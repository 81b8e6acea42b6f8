import MaillageCore

/// The normalised forms of a record that the merge rules compare.
struct MatchKey {
    let siret: String
    /// The name without stop words, plurals folded ("france service wallers arenberg").
    let name: String
    /// The words of the name that tell one structure from another: not its commune's, not words every other
    /// structure has ("mairie", "centre", "maison"…).
    let nameWords: Set<String>
    let kind: PlaceKind
    /// The house number without its « bis », « ter » or letter; empty when the address has none.
    let houseNumber: String
    /// The street's own words, without its type (« rue », « avenue »…), postal box, postal code or commune:
    /// "michel rondet".
    let street: Set<String>

    init(_ record: SourceRecord) {
        let place = record.place
        siret = place.pivot.count == 14 ? place.pivot : ""
        let communeWords = Set(place.commune.folded.split(separator: " ").map(String.init))
        let folded = place.nom.folded
        kind = PlaceKind(foldedName: folded)
        // plural and singular compare equal: "France services" is "France service"
        let words = folded.split(separator: " ").map { $0.count > 4 && $0.hasSuffix("s") ? String($0.dropLast()) : String($0) }
        name = words.filter { !Self.nameStopWords.contains($0) }.joined(separator: " ")
        nameWords = Set(words.filter { $0.count > 2 && !Self.nameStopWords.contains($0) && !Self.genericWords.contains($0) })
            .subtracting(communeWords)
        (houseNumber, street) = Self.address(place.adresse.folded, communeWords: communeWords)
    }

    /// The same street: the words of one are all in the other ("jonas" and "lucien jonas").
    func sameStreet(as other: MatchKey) -> Bool {
        !street.isEmpty && !other.street.isEmpty && (street.isSubset(of: other.street) || other.street.isSubset(of: street))
    }

    /// One name's distinctive words are all in the other's ("mosaik" and "martin martine guise mosaik").
    func nameContained(in other: MatchKey) -> Bool {
        !nameWords.isEmpty && !other.nameWords.isEmpty && (nameWords.isSubset(of: other.nameWords) || other.nameWords.isSubset(of: nameWords))
    }

    /// Splits an address into its house number and its street's words, skipping postal boxes (« BP 20625 »), postal
    /// codes, the commune's name and a second address after a comma when the first has no number.
    private static func address(_ folded: String, communeWords: Set<String>) -> (String, Set<String>) {
        var tokens = folded.split(separator: " ").map(String.init)
        // « BP 179 », « CS 30001 »: a postal box, not a street.
        while let box = tokens.firstIndex(where: { ["bp", "cs", "cedex"].contains($0) }) {
            tokens.remove(at: box)
            if box < tokens.count, tokens[box].allSatisfy(\.isNumber) { tokens.remove(at: box) }
        }
        var number = ""
        var street: Set<String> = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.allSatisfy(\.isNumber) {
                // A house number comes first; a 5-digit number is a postal code.
                if number.isEmpty, street.isEmpty, token.count < 5 { number = token }
                if index + 1 < tokens.count, Self.numberSuffixes.contains(tokens[index + 1]) { index += 1 }
            } else if !streetTypes.contains(token) && !nameStopWords.contains(token) && !communeWords.contains(token) && token.count > 1 {
                street.insert(Self.abbreviations[token] ?? token)
            }
            index += 1
        }
        return (number, street)
    }

    private static let nameStopWords: Set<String> = [
        "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "sur", "lez", "pour", "dans"
    ]
    /// Words every other structure has in its name: sharing them proves nothing.
    private static let genericWords: Set<String> = [
        "mairie", "commune", "ville", "centre", "social", "sociale", "association", "ass", "asso", "maison", "espace", "service",
        "services", "france", "ccas", "cias", "mediatheque", "bibliotheque", "numerique", "antenne", "site", "point", "structure",
        "municipal", "municipale", "communaute", "etablissement", "intercommunal", "intercommunale", "hotel", "quartier", "faubourg"
    ]
    /// Street types, written out or abbreviated: « rue » and « avenue » of one address are one street.
    private static let streetTypes: Set<String> = [
        "rue", "r", "avenue", "av", "ave", "boulevard", "bd", "bld", "place", "pl", "route", "rte", "chemin", "chem", "impasse", "imp",
        "allee", "all", "square", "sq", "cours", "crs", "faubourg", "fg", "quai", "parvis", "passage", "residence", "cite", "grand",
        "grande", "esplanade", "square", "sentier", "voie", "lieu", "dit"
    ]
    private static let numberSuffixes: Set<String> = ["bis", "ter", "quater", "b", "t", "a", "c"]
    private static let abbreviations = ["st": "saint", "ste": "sainte", "gal": "general", "gen": "general", "mal": "marechal", "pdt": "president"]
}
