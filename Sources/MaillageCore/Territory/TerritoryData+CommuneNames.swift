extension TerritoryData {
    /// How a typed commune name was understood.
    public enum NameMatch: Sendable {
        /// The name itself, case, accents, hyphens and « St » for « Saint » ignored.
        case exact
        /// Names holding every typed word, the last one possibly cut short (« Saint-Amand », « St Amand »).
        case partial
        /// Names one or two letters away (« Raimes »).
        case typo
    }

    /// The communes a typed name may mean, by name then code, with how they were found; empty when nothing comes close.
    public func communes(approximatelyNamed text: String) -> (match: NameMatch, communes: [Commune]) {
        let (match, found) = communesByName(text)
        return (match, Self.byName(found))
    }

    /// Communes by name then code: the name index is a dictionary, whose order changes between processes.
    private static func byName(_ communes: [Commune]) -> [Commune] { communes.sorted { ($0.name, $0.code) < ($1.name, $1.code) } }

    /// The communes a typed name may mean, in the name index's order.
    private func communesByName(_ text: String) -> (match: NameMatch, communes: [Commune]) {
        let query = Self.nameKey(text)
        guard !query.isEmpty else { return (.exact, []) }
        if let exact = byFoldedName[query] { return (.exact, exact.compactMap(commune)) }
        let partial = communes(holdingWordsOf: text)
        if !partial.isEmpty { return (.partial, partial) }
        guard query.count >= 4 else { return (.typo, []) }
        let allowed = query.count >= 8 ? 2 : 1
        let near = byFoldedName.compactMap { name, codes -> (Int, [CommuneCode])? in
            let distance = EditDistance.between(name, query, limit: allowed)
            return distance <= allowed ? (distance, codes) : nil
        }
        let best = near.map(\.0).min()
        return (.typo, near.filter { $0.0 == best }.flatMap(\.1).compactMap(commune))
    }

    /// Communes whose name holds every typed word, the last one possibly cut short (« Saint-Amand » is in
    /// « Lieu-Saint-Amand »), by name then code.
    public func communes(holdingWordsOf text: String) -> [Commune] {
        let words = Self.nameKey(text).split(separator: " ")
        guard !words.isEmpty else { return [] }
        return Self.byName(byFoldedName.filter { name, _ in Self.name(name, holds: words) }.values.flatMap { $0 }.compactMap(commune))
    }

    /// A name as it is compared: folded (« St » and « Ste » written out), ligatures as two letters (« Rœulx » is
    /// typed « Roeulx »).
    static func nameKey(_ text: String) -> String {
        let folded = text.folded
        guard folded.contains(where: { $0 == "œ" || $0 == "æ" }) else { return folded }
        return String(
            folded.flatMap { character -> [Character] in
                switch character {
                case "œ": ["o", "e"]
                case "æ": ["a", "e"]
                default: [character]
                }
            })
    }

    /// Every typed word is a word of the name; the last may be the start of one (the person is still typing).
    private static func name(_ name: String, holds words: [Substring]) -> Bool {
        let nameWords = name.split(separator: " ")
        for (index, word) in words.enumerated() {
            let isLast = index == words.count - 1
            guard nameWords.contains(where: { isLast ? $0.hasPrefix(word) : $0 == word }) else { return false }
        }
        return true
    }
}
