extension PlaceIndex {
    /// Distance within which the nearest answers of neighbouring territories are looked for.
    public static let neighbourSearchRadiusMetres = 60_000.0

    /// Runs a query: full matches within the radius (nearest first), partial matches if too few, and, when the
    /// origin's territory has no full match, the nearest full matches in neighbouring territories.
    public func search(_ query: SearchQuery) -> SearchResult {
        let criteria = Criterion.all(of: query)
        let (point, commune) = resolve(query.origin)
        let originEPCI = commune?.epci.flatMap { territory.epcis[$0] }
        let radius = min(max(query.radiusMetres, 0), SearchQuery.maximumRadiusMetres)

        let candidates: [(Int, Double?)] = point.map { positions(near: $0, radius: radius).map { ($0.0, Optional($0.1)) } }
            ?? positions(offering: query.services).map { ($0, nil) }
        var full: [(Int, Double?)] = []
        var partial: [(Int, Double?, Int)] = []
        for (position, distance) in candidates {
            let unmet = criteria.reduce(0) { $0 + ($1.isMet(by: entries[position]) ? 0 : 1) }
            if unmet == 0 { full.append((position, distance)) } else if unmet < criteria.count { partial.append((position, distance, unmet)) }
        }
        full.sort { order($0.0, $0.1, $1.0, $1.1) }
        partial.sort { $0.2 != $1.2 ? $0.2 < $1.2 : order($0.0, $0.1, $1.0, $1.1) }
        let limit = max(1, query.limit)
        let matches = full.prefix(limit).map { match($0.0, $0.1, criteria, originEPCI) }
        let partialMatches = partial.prefix(max(0, limit - matches.count)).map { match($0.0, $0.1, criteria, originEPCI) }

        let noLocalMatch = originEPCI.map { epci in !full.contains { entries[$0.0].epci == epci.siren } } ?? (point != nil && full.isEmpty)
        var neighbourMatches: [SearchResult.Match] = []
        if noLocalMatch, let point {
            neighbourMatches = positions(near: point, radius: Self.neighbourSearchRadiusMetres)
                .filter { candidate in
                    entries[candidate.0].epci != originEPCI?.siren && criteria.allSatisfy { $0.isMet(by: entries[candidate.0]) }
                }
                .sorted { $0.1 < $1.1 }.prefix(5)
                .map { match($0.0, $0.1, criteria, originEPCI) }
        }
        return SearchResult(originPoint: point, originCommune: commune, originEPCI: originEPCI, matches: matches, totalMatches: full.count,
                            partialMatches: partialMatches, noLocalMatch: noLocalMatch, neighbourMatches: neighbourMatches)
    }

    private func resolve(_ origin: SearchQuery.Origin?) -> (Coordinate?, Commune?) {
        switch origin {
        case .commune(let code):
            let commune = territory.commune(code)
            return (commune?.centroid, commune)
        case .point(let point):
            return (point, territory.commune(containing: point))
        case nil:
            return (nil, nil)
        }
    }

    private func order(_ a: Int, _ da: Double?, _ b: Int, _ db: Double?) -> Bool {
        if let da, let db, da != db { return da < db }
        return (entries[a].sortName, entries[a].place.id) < (entries[b].sortName, entries[b].place.id)
    }

    private func match(_ position: Int, _ distance: Double?, _ criteria: [Criterion], _ originEPCI: EPCI?) -> SearchResult.Match {
        let entry = entries[position]
        var reasons: [String] = [], gaps: [String] = []
        for criterion in criteria {
            let text = criterion.explanation(for: entry)
            if criterion.isMet(by: entry) { reasons.append(text) } else { gaps.append(text) }
        }
        let outside = originEPCI.map { entry.epci != $0.siren } ?? false
        return SearchResult.Match(entry: entry, distanceMetres: distance, reasons: reasons, gaps: gaps, isOutsideTerritory: outside)
    }
}
