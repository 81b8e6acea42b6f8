/// Where new places would help most: the k communes where a new place offering a need would bring it within reach
/// (``Reach/byBus`` with the form's minutes) of the most fragile inhabitants (greedy maximum coverage).
public struct PlacementProposal: Sendable {
    public struct Choice: Sendable, Hashable {
        public var commune: CommuneCode
        public var communeName: String
        /// The site's own inhabitants.
        public var sitePopulation: Int
        /// The site's commune was already within reach of an answer: the place would serve its neighbours.
        public var siteWasCovered: Bool
        /// Communes newly covered by this choice, and their weight (inhabitants × fragility / 100).
        public var newlyCovered: [CommuneCode]
        public var weightGained: Double
        public var inhabitantsGained: Int
    }

    public var need: Need
    /// The meaning of « à portée » the proposal covers by, with its minutes.
    public var reach: Reach
    public var choices: [Choice]
    /// Weight already covered before any new place.
    public var initiallyCovered: Double
    public var totalWeight: Double

    /// - Parameters:
    ///   - communes: the candidate sites and the communes to cover (the perimeter).
    ///   - covered: communes already within `reach` of an existing answer.
    ///   - minutes: access time between two communes (by `reach`'s mode).
    ///   - weight: what covering a commune is worth (inhabitants × fragility / 100).
    public static func greedy(
        need: Need, communes: [Commune], covered: Set<CommuneCode>, k: Int, reach within: Reach,
        minutes: (Commune, Commune) -> Double, weight: (Commune) -> Double
    ) -> PlacementProposal {
        var coveredNow = covered
        var choices: [Choice] = []
        let reach = Dictionary(
            uniqueKeysWithValues: communes.map { site in
                (site.code, communes.filter { within.reaches(minutes: minutes(site, $0)) }.map(\.code))
            })
        let byCode = Dictionary(uniqueKeysWithValues: communes.map { ($0.code, $0) })
        for _ in 0..<max(0, k) {
            let options = communes.map { site in
                let gained = (reach[site.code] ?? []).filter { !coveredNow.contains($0) }
                return (site: site, gained: gained, weight: gained.reduce(0.0) { $0 + weight(byCode[$1]!) })
            }
            guard let top = options.map(\.weight).max(), top > 0 else { break }
            // Among the sites that gain as much, the one nearest to the people it gains (a small village next to a
            // town gains the town as much as the town itself does: the place belongs in the town), then the most
            // populous, then by code.
            func cost(_ option: (site: Commune, gained: [CommuneCode], weight: Double)) -> Double {
                option.gained.reduce(0.0) { $0 + Double(byCode[$1]!.population) * minutes(option.site, byCode[$1]!) }
            }
            let best = options.filter { $0.weight >= top * (1 - 1e-9) }.min { lhs, rhs in
                let (a, b) = (cost(lhs), cost(rhs))
                if a != b { return a < b }
                if lhs.site.population != rhs.site.population { return lhs.site.population > rhs.site.population }
                return lhs.site.code < rhs.site.code
            }!
            coveredNow.formUnion(best.gained)
            choices.append(
                Choice(
                    commune: best.site.code, communeName: best.site.name, sitePopulation: best.site.population,
                    siteWasCovered: !best.gained.contains(best.site.code), newlyCovered: best.gained.sorted(),
                    weightGained: best.weight, inhabitantsGained: best.gained.reduce(0) { $0 + byCode[$1]!.population }))
        }
        return PlacementProposal(
            need: need, reach: within, choices: choices,
            initiallyCovered: covered.reduce(0.0) { $0 + (byCode[$1].map(weight) ?? 0) },
            totalWeight: communes.reduce(0.0) { $0 + weight($1) })
    }
}

extension Diagnostic {
    /// The placement proposal for one need on this diagnostic's perimeter, by bus within `maxMinutes` (``Reach/byBus``).
    public func placementProposal(for need: Need, k: Int, maxMinutes: Double, fragility: [CommuneCode: FragilityIndex]) -> PlacementProposal {
        let reach = Reach.byBus.within(maxMinutes)
        return PlacementProposal.greedy(
            need: need, communes: rows.map(\.commune), covered: communes(coveredFor: need, by: reach), k: k, reach: reach,
            minutes: { reach.mode.minutes(distanceMetres: $0.centroid.distance(to: $1.centroid), parameters: parameters) },
            weight: { Double($0.population) * (fragility[$0.code]?.globalScore ?? 100) / 100 })
    }

    /// The communes of the perimeter served for `need` in the meaning `reach` (``Reach/covers(_:)``).
    public func communes(coveredFor need: Need, by reach: Reach) -> Set<CommuneCode> {
        Set(rows.compactMap { row in row.cells.first { $0.need == need }.flatMap { reach.covers($0) ? row.commune.code : nil } })
    }
}
