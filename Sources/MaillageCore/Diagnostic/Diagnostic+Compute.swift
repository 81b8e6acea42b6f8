extension Diagnostic {
    /// Computes the diagnostic of a perimeter from the place index. Pure: the same inputs give the same diagnostic.
    public static func compute(perimeter: Perimeter, index: PlaceIndex, parameters: DiagnosticParameters = DiagnosticParameters(),
                               needs: [Need] = Need.all) -> Diagnostic {
        let territory = index.territory
        let communes = perimeter.communes.compactMap { territory.commune($0) }.sortedByName()
        let inside = Set(communes.map(\.code))
        // One finder per need, in the order of `needs` (cells follow that order too).
        let finders = needs.map { NeedPlaces(need: $0, index: index) }
        let maxDistance = parameters.maxDistanceKm * 1_000

        @Sendable func answer(for need: Int, from point: Coordinate) -> Answer? {
            let places = finders[need]
            guard let found = places.finder.nearest(to: point, maxDistance: maxDistance) else { return nil }
            let entry = index.entries[places.positions[found.index]]
            return Answer(placeID: entry.place.id, placeName: entry.place.nom, commune: entry.place.codeInsee, communeName: entry.place.commune,
                          distanceMetres: found.distance, insidePerimeter: entry.place.codeInsee.map(inside.contains) ?? false,
                          times: parameters.accessTimes(distanceMetres: found.distance))
        }

        @Sendable func row(for commune: Commune) -> CommuneRow {
            let local = index.unsortedEntries(in: commune.code)
            let cells = needs.indices.map { need -> Cell in
                let count = local.count { finders[need].test.passes($0) }
                let nearest = answer(for: need, from: commune.centroid)
                let coverage: CoverageClass
                if count > 0 { coverage = .inCommune }
                else if let nearest, nearest.insidePerimeter { coverage = nearest.times.bus <= parameters.reachMinutes ? .withinReach : .outOfReach }
                else if nearest != nil { coverage = .neighbourOnly }
                else { coverage = .none }
                return Cell(commune: commune.code, need: needs[need], placesInCommune: count, nearest: nearest, coverage: coverage)
            }
            return CommuneRow(commune: commune, places: local.count,
                              placesPer10k: commune.population > 0 ? Double(local.count) * 10_000 / Double(commune.population) : 0,
                              fragility: territory.fragility[commune.code]?.globalScore,
                              qpvs: territory.qpvs(touching: [commune.code]).map(\.code), cells: cells)
        }
        // Large perimeters (a region, France) use every core; the result is the same, in the same order.
        let rows = communes.count >= 500 ? communes.concurrentMap(row) : communes.map(row)

        let summaries = needs.indices.map { need -> NeedSummary in
            var population: [CoverageClass: Int] = [:], count: [CoverageClass: Int] = [:]
            for row in rows {
                let cell = row.cells[need]
                population[cell.coverage, default: 0] += row.commune.population
                count[cell.coverage, default: 0] += 1
            }
            return NeedSummary(need: needs[need], population: population, communes: count)
        }

        let qpvs = territory.qpvs(touching: inside).map { qpv -> QPVLens in
            let own = qpv.communes.filter(inside.contains)
            let anchor = own.first.flatMap { territory.commune($0) }
            var nearest: [Need: Answer] = [:]
            if let anchor { for need in needs.indices { nearest[needs[need]] = answer(for: need, from: anchor.centroid) } }
            return QPVLens(qpv: qpv, placesInItsCommunes: own.reduce(0) { $0 + index.unsortedEntries(in: $1).count }, nearest: nearest)
        }

        let dependencies = rows.flatMap { row in
            row.cells.filter { $0.coverage == .neighbourOnly }.compactMap { cell in
                cell.nearest.map { Dependency(commune: row.commune.code, need: cell.need, answer: $0) }
            }
        }

        let gaps = rankGaps(rows: rows, parameters: parameters)
        let neighbourEPCIs: [EPCI]
        if let epci = perimeter.epci {
            neighbourEPCIs = territory.neighbouringEPCIs(of: epci)
        } else {
            let near = territory.communes.values.filter { candidate in
                !inside.contains(candidate.code) && communes.contains { $0.centroid.distance(to: candidate.centroid) <= parameters.neighbourDistanceKm * 1_000 }
            }
            neighbourEPCIs = Set(near.compactMap(\.epci)).compactMap { territory.epcis[$0] }.sorted { $0.name < $1.name }
        }
        return Diagnostic(perimeter: perimeter, parameters: parameters, needs: needs, rows: rows, summaries: summaries, qpvs: qpvs,
                          dependencies: dependencies, gaps: gaps, neighbourEPCIs: neighbourEPCIs)
    }

    /// Missing places: a service not offered in a commune, ranked by people concerned × fragility × distance to the answer.
    static func rankGaps(rows: [CommuneRow], parameters: DiagnosticParameters) -> [Gap] {
        var gaps: [Gap] = []
        for row in rows {
            for cell in row.cells where cell.coverage != .inCommune {
                guard case .service = cell.need else { continue }
                let distanceKm = (cell.nearest?.distanceMetres ?? parameters.maxDistanceKm * 1_000) / 1_000
                let fragility = row.fragility ?? 100
                let score = Double(row.commune.population) * fragility / 100 * distanceKm
                gaps.append(Gap(commune: row.commune.code, need: cell.need, populationConcerned: row.commune.population,
                                fragility: row.fragility, nearestDistanceMetres: cell.nearest?.distanceMetres,
                                nearestCommuneName: cell.nearest?.communeName, score: score, searchLimitKm: parameters.maxDistanceKm))
            }
        }
        return gaps.sorted { $0.score == $1.score ? ($0.commune, $0.need) < ($1.commune, $1.need) : $0.score > $1.score }
    }
}

/// The places answering one need, with a finder over their positions.
private struct NeedPlaces: Sendable {
    let test: CriterionTest
    let positions: [Int]
    let finder: NearestFinder

    init(need: Need, index: PlaceIndex) {
        test = CriterionTest(need.criterion)
        var positions: [Int] = [], points: [Coordinate] = []
        for (position, entry) in index.entries.enumerated() where test.passes(entry) {
            guard let point = entry.coordinate else { continue }
            positions.append(position)
            points.append(point)
        }
        self.positions = positions
        finder = NearestFinder(points: points)
    }
}
