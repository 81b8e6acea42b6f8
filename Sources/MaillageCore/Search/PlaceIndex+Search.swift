extension PlaceIndex {
    /// Distance within which the nearest answers of neighbouring territories are looked for.
    public static let neighbourSearchRadiusMetres = 60_000.0

    /// Runs a query: full matches within the radius (nearest first), partial matches if too few, and, when the
    /// origin's territory has no full match, the nearest full matches in neighbouring territories.
    public func search(_ query: SearchQuery) -> SearchResult {
        let (point, commune) = resolve(query.origin)
        let criteria = Criterion.all(of: query) + (commune.map { [.receivesResidentOf($0.code)] } ?? [])
        let tests = criteria.map(CriterionTest.init)
        let originEPCI = commune?.epci.flatMap { territory.epcis[$0] }
        let radius = min(max(query.radiusMetres, 0), SearchQuery.maximumRadiusMetres)

        // Distances are squared chords until a place is shown (the same order, no trigonometry per candidate).
        let candidates: [(Int, Double?)] =
            point.map { chords(near: $0, radius: radius).map { ($0.0, Optional($0.1)) } }
            ?? positions(offering: query.services).map { ($0, nil) }
        var full: [(Int, Double?)] = []
        var partial: [(Int, Double?, Int)] = []
        var recorded: [(Int, Double?)] = []
        let asksForAnOffer = criteria.first == .declaresAnOffer
        for (position, distance) in candidates {
            if asksForAnOffer, !entries[position].declaresAnOffer {
                recorded.append((position, distance))
                continue
            }
            var unmet = 0
            for test in tests where !test.passes(entries[position]) { unmet += 1 }
            if unmet == 0 { full.append((position, distance)) } else if unmet < criteria.count { partial.append((position, distance, unmet)) }
        }
        let limit = max(1, query.limit)
        let matches = full.smallest(limit) { order($0.0, $0.1, $1.0, $1.1) }.map { match($0.0, $0.1, tests, originEPCI) }
        let recordedOnly = recorded.smallest(limit) { order($0.0, $0.1, $1.0, $1.1) }.map { match($0.0, $0.1, tests, originEPCI) }
        var partialMatches: [SearchResult.Match] = []
        if matches.count < limit {
            partialMatches = partial.smallest(limit - matches.count) { $0.2 != $1.2 ? $0.2 < $1.2 : order($0.0, $0.1, $1.0, $1.1) }
                .map { match($0.0, $0.1, tests, originEPCI) }
        }

        let noLocalMatch = originEPCI.map { epci in !full.contains { entries[$0.0].epci == epci.siren } } ?? (point != nil && full.isEmpty)
        var neighbourMatches: [SearchResult.Match] = []
        if noLocalMatch, let point {
            neighbourMatches = chords(near: point, radius: Self.neighbourSearchRadiusMetres)
                .filter { candidate in
                    entries[candidate.0].epci != originEPCI?.siren && tests.allSatisfy { $0.passes(entries[candidate.0]) }
                }
                .smallest(5) { $0.1 < $1.1 }
                .map { match($0.0, $0.1, tests, originEPCI) }
        }
        return SearchResult(
            originPoint: point, originCommune: commune, originEPCI: originEPCI, matches: matches, totalMatches: full.count,
            partialMatches: partialMatches, noLocalMatch: noLocalMatch, neighbourMatches: neighbourMatches,
            recordedOnly: recordedOnly, totalRecordedOnly: recorded.count)
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

    /// A result; `chord` is the squared chord to the origin, shown as a distance in metres.
    private func match(_ position: Int, _ chord: Double?, _ tests: [CriterionTest], _ originEPCI: EPCI?) -> SearchResult.Match {
        let entry = entries[position]
        let distance = chord.map(Coordinate.metres(forSquaredChord:))
        var reasons: [String] = [], gaps: [String] = []
        for test in tests {
            let passed = test.passes(entry)
            let text = test.explanation(for: entry, passed: passed)
            if text.isEmpty { continue }
            if passed { reasons.append(text) } else { gaps.append(text) }
        }
        let outside = originEPCI.map { entry.epci != $0.siren } ?? false
        return SearchResult.Match(entry: entry, distanceMetres: distance, reasons: reasons, gaps: gaps, isOutsideTerritory: outside)
    }
}
