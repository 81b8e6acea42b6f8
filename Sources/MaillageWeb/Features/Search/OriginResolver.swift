import MaillageCore

/// Turns what a person typed ("Denain", "59220", "59172", "St Amand", "Raimes") into a search origin.
///
/// Names are matched without case, accents or hyphens, then by their words (« Saint-Amand » is four communes), then
/// with a typo or two; among several, and among the communes of a postal code, the one in the focus territory (or its
/// neighbours), else the most populous, is chosen and the others are offered. A commune the site does not cover is
/// said so, with the nearest one it covers.
struct OriginResolver {
    let territory: TerritoryData
    let focus: Siren
    /// The focus territory and its neighbours: what the site covers.
    private let covered: Set<Siren>

    init(territory: TerritoryData, focus: Siren) {
        self.territory = territory
        self.focus = focus
        covered = territory.coveredEPCIs(around: focus)
    }

    struct Resolved {
        var origin: SearchQuery.Origin
        var commune: Commune?
        /// Other communes the text could mean.
        var alternatives: [Commune]
        /// How the text was understood when it was not a commune's exact name, or that the commune is not covered.
        var notes: [String] = []
    }

    func resolve(_ parameters: SearchParameters) throws(ParameterError) -> Resolved? {
        if let latitude = parameters.latitude, let longitude = parameters.longitude {
            let point = Coordinate(latitude: latitude, longitude: longitude)
            return Resolved(origin: .point(point), commune: territory.commune(containing: point), alternatives: [])
        }
        if let code = parameters.commune {
            guard let commune = territory.commune(code) else {
                throw ParameterError(parameter: "commune", message: "commune \(code) inconnue", namesNothingKnown: true)
            }
            return Resolved(origin: .commune(code), commune: commune, alternatives: [])
        }
        guard let text = parameters.place else { return nil }
        var (match, candidates) = communes(matching: text)
        // « Saint-Amand » is a commune of Pas-de-Calais, but on a site of the Porte du Hainaut it means Saint-Amand-les-Eaux
        // or its neighbours: communes of the territory holding the words come first.
        if case .exact = match, !candidates.contains(where: isCovered) {
            let covered = territory.communes(holdingWordsOf: text).filter(isCovered)
            if !covered.isEmpty { (match, candidates) = (.partial, covered + candidates) }
        }
        guard let chosen = preferred(candidates) else {
            throw ParameterError(parameter: "ou", message: "aucune commune ne correspond à « \(text.prefix(60)) »", namesNothingKnown: true)
        }
        var resolved = Resolved(origin: .commune(chosen.code), commune: chosen, alternatives: candidates.filter { $0.code != chosen.code })
        switch match {
        case .exact: break
        case .partial where candidates.count > 1:
            resolved.notes.append(
                "\(candidates.count) communes correspondent à « \(text.prefix(60)) » : résultats pour \(chosen.name), les autres sont proposées ci-dessous."
            )
        case .partial, .typo:
            resolved.notes.append("« \(text.prefix(60)) » compris comme \(chosen.name).")
        }
        if let note = coverageNote(for: chosen) { resolved.notes.append(note) }
        return resolved
    }

    private func communes(matching text: String) -> (TerritoryData.NameMatch, [Commune]) {
        let digits = text.filter { !$0.isWhitespace }
        if digits.count == 5, let code = CommuneCode(digits), let commune = territory.commune(code) { return (.exact, [commune]) }
        if digits.count == 5, digits.allSatisfy(\.isNumber) { return (.exact, territory.communes(postalCode: digits)) }
        return territory.communes(approximatelyNamed: text)
    }

    /// A commune outside the focus territory and its neighbours: the site knows little there; say so, with the nearest
    /// commune it covers.
    private func coverageNote(for commune: Commune) -> String? {
        guard !isCovered(commune), let epci = territory.epcis[focus] else { return nil }
        let nearest = territory.members(of: focus).min { $0.centroid.distance(to: commune.centroid) < $1.centroid.distance(to: commune.centroid) }
        return
            "\(commune.name) n'est pas dans le territoire que couvre ce site (\(epci.name) et ses territoires voisins) : les lieux y sont peut-être incomplets."
            + (nearest.map { " Commune couverte la plus proche : \($0.name), à \(Distance.french($0.centroid.distance(to: commune.centroid)))." }
                ?? "")
    }

    /// In the focus territory or a neighbouring one.
    private func isCovered(_ commune: Commune) -> Bool { commune.epci.map(covered.contains) ?? false }

    private func preferred(_ communes: [Commune]) -> Commune? {
        communes.max { lhs, rhs in
            let l = (lhs.epci == focus ? 2 : (isCovered(lhs) ? 1 : 0), lhs.population)
            let r = (rhs.epci == focus ? 2 : (isCovered(rhs) ? 1 : 0), rhs.population)
            return l < r
        }
    }
}
