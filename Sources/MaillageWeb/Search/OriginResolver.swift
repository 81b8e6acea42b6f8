import MaillageCore

/// Turns what a person typed ("Denain", "59220", "59172", "saint amand") into a search origin.
///
/// Names are matched without case or accents; among homonyms, and among the communes of a postal code, the one in the
/// focus territory (or its neighbours), else the most populous, is chosen and the others are offered.
struct OriginResolver {
    let territory: TerritoryData
    let focus: Siren

    struct Resolved {
        var origin: SearchQuery.Origin
        var commune: Commune?
        /// Other communes the text could mean.
        var alternatives: [Commune]
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
        let candidates = communes(matching: text)
        guard let chosen = preferred(candidates) else {
            throw ParameterError(parameter: "ou", message: "aucune commune ne correspond à « \(text.prefix(60)) »", namesNothingKnown: true)
        }
        return Resolved(origin: .commune(chosen.code), commune: chosen, alternatives: candidates.filter { $0.code != chosen.code })
    }

    private func communes(matching text: String) -> [Commune] {
        let digits = text.filter { !$0.isWhitespace }
        if digits.count == 5, let code = CommuneCode(digits), let commune = territory.commune(code) { return [commune] }
        if digits.count == 5, digits.allSatisfy(\.isNumber) { return territory.communes(postalCode: digits) }
        return territory.communes(named: text)
    }

    private func preferred(_ communes: [Commune]) -> Commune? {
        let near = Set([focus] + territory.neighbouringEPCIs(of: focus).map(\.siren))
        return communes.max { lhs, rhs in
            let l = (lhs.epci == focus ? 2 : (lhs.epci.map(near.contains) == true ? 1 : 0), lhs.population)
            let r = (rhs.epci == focus ? 2 : (rhs.epci.map(near.contains) == true ? 1 : 0), rhs.population)
            return l < r
        }
    }
}
