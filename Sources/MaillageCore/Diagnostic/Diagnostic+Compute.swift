extension Diagnostic {
    /// Computes the diagnostic of a perimeter from the place index. Pure: the same inputs give the same diagnostic.
    public static func compute(
        perimeter: Perimeter, index: PlaceIndex, parameters: DiagnosticParameters = DiagnosticParameters(),
        needs: [Need] = Need.all
    ) -> Diagnostic {
        try! compute(perimeter: perimeter, index: index, parameters: parameters, needs: needs, within: .unlimited)
    }

    /// The same, stopped (throwing) when `budget` runs out, commune by commune.
    public static func compute(
        perimeter: Perimeter, index: PlaceIndex, parameters: DiagnosticParameters = DiagnosticParameters(),
        needs: [Need] = Need.all, within budget: WorkBudget
    ) throws(WorkStopped) -> Diagnostic {
        let territory = index.territory
        let communes = territory.communes(sortedByName: perimeter.communes)
        let inside = Set(communes.map(\.code))
        // One finder per need, in the order of `needs` (cells follow that order too).
        let finders = needs.map { NeedPlaces(need: $0, index: index) }
        let maxDistance = parameters.maxDistanceKm * 1_000

        @Sendable func answer(for need: Int, from point: Coordinate) -> Answer? {
            let places = finders[need]
            guard let found = places.finder.nearest(to: point, maxDistance: maxDistance) else { return nil }
            let entry = index.entries[places.positions[found.index]]
            return Answer(
                placeID: entry.place.id, placeName: entry.place.nom, commune: entry.place.codeInsee, communeName: entry.place.commune,
                distanceMetres: found.distance, insidePerimeter: entry.place.codeInsee.map(inside.contains) ?? false,
                times: parameters.accessTimes(distanceMetres: found.distance))
        }

        @Sendable func row(for commune: Commune) -> CommuneRow {
            let local = index.unsortedEntries(in: commune.code)
            let offering = local.filter(\.declaresAnOffer)
            let cells = needs.indices.map { need -> Cell in
                let count = offering.count(where: finders[need].test.passes)
                let declaring = offering.count(where: needs[need].isDeclared)
                let nearest = answer(for: need, from: commune.centroid)
                let coverage = CoverageRule.coverage(
                    placesInCommune: count, offering: offering.count, declaring: declaring, nearest: nearest,
                    reach: parameters.reach)
                return Cell(
                    commune: commune.code, need: needs[need], placesInCommune: count, placesDeclaring: declaring, nearest: nearest,
                    coverage: coverage)
            }
            return CommuneRow(
                commune: commune, places: offering.count, recordedOnly: local.count - offering.count,
                placesPer10k: commune.population > 0 ? Double(offering.count) * 10_000 / Double(commune.population) : 0,
                fragility: territory.fragility[commune.code]?.globalScore,
                qpvs: territory.qpvs(touching: [commune.code]).map(\.code), cells: cells)
        }
        // Large perimeters (a region, France) use every core; the result is the same, in the same order.
        let rows = try budget.map(communes, concurrently: communes.count >= 500, row)
        let rowOfCommune = Dictionary(uniqueKeysWithValues: rows.indices.map { (rows[$0].commune.code, $0) })

        // The QPV's first commune inside the perimeter is its anchor: its row already holds the nearest answers.
        let qpvs = territory.qpvs(touching: inside).map { qpv -> QPVLens in
            let own = qpv.communes.filter(inside.contains)
            var nearest: [Need: Answer] = [:]
            if let anchor = own.first.flatMap({ rowOfCommune[$0] }) {
                for need in needs.indices { nearest[needs[need]] = rows[anchor].cells[need].nearest }
            }
            return QPVLens(qpv: qpv, placesInItsCommunes: index.placeCount(in: own).offering, nearest: nearest)
        }

        let neighbourEPCIs: [EPCI]
        if let epci = perimeter.epci {
            neighbourEPCIs = territory.neighbouringEPCIs(of: epci)
        } else {
            // The perimeter's communes on a grid: each commune outside asks only the cells around it (a département
            // against France is 35,000 lookups, not 35,000 × 648 distances).
            let radius = parameters.neighbourDistanceKm * 1_000
            var grid = SpatialGrid<Coordinate>(cellDegrees: max(0.05, radius / 111_000))
            for commune in communes { grid.insert(commune.centroid, at: commune.centroid) }
            var near: Set<Siren> = []
            for (code, candidate) in territory.communes where !inside.contains(code) {
                guard let epci = candidate.epci, !near.contains(epci),
                    grid.nearest(to: candidate.centroid, maxDistanceMetres: radius, location: { $0 }) != nil
                else { continue }
                near.insert(epci)
            }
            neighbourEPCIs = near.compactMap { territory.epcis[$0] }.sorted { $0.name < $1.name }
        }
        return Diagnostic(
            perimeter: perimeter, parameters: parameters, needs: needs, rows: rows,
            summaries: summarize(rows: rows, needs: needs), qpvs: qpvs, dependencies: dependencies(in: rows),
            gaps: rankGaps(rows: rows, needs: needs, parameters: parameters), neighbourEPCIs: neighbourEPCIs)
    }

    // The passes below read the rows by index: `for row in rows` would copy every row and its cells.

    /// Population and communes per coverage class, need by need.
    private static func summarize(rows: [CommuneRow], needs: [Need]) -> [NeedSummary] {
        let classes = CoverageClass.allCases
        var population = Array(repeating: Array(repeating: 0, count: classes.count), count: needs.count)
        var communes = population
        for row in rows.indices {
            let inhabitants = rows[row].commune.population
            for need in needs.indices {
                let coverage = rows[row].cells[need].coverage.ordinal
                population[need][coverage] += inhabitants
                communes[need][coverage] += 1
            }
        }
        func byClass(_ counts: [Int]) -> [CoverageClass: Int] {
            Dictionary(uniqueKeysWithValues: classes.indices.filter { counts[$0] > 0 }.map { (classes[$0], counts[$0]) })
        }
        return needs.indices.map { NeedSummary(need: needs[$0], population: byClass(population[$0]), communes: byClass(communes[$0])) }
    }

    /// Every commune × need answered only in a neighbouring territory.
    private static func dependencies(in rows: [CommuneRow]) -> [Dependency] {
        var dependencies: [Dependency] = []
        for row in rows.indices {
            for cell in rows[row].cells.indices where rows[row].cells[cell].coverage == .neighbourOnly {
                guard let answer = rows[row].cells[cell].nearest else { continue }
                dependencies.append(Dependency(commune: rows[row].commune.code, need: rows[row].cells[cell].need, answer: answer))
            }
        }
        return dependencies
    }

    /// Missing places: a service not offered in a commune, ranked by people concerned × fragility × distance to the
    /// answer; equal scores by commune code, then in the order of the needs.
    private static func rankGaps(rows: [CommuneRow], needs: [Need], parameters: DiagnosticParameters) -> [Gap] {
        struct Key { var score: Double; var row: Int32; var need: Int32 }
        var keys: [Key] = []
        for row in rows.indices {
            let weight = Double(rows[row].commune.population) * (rows[row].fragility ?? 100) / 100
            for need in needs.indices where rows[row].cells[need].coverage != .inCommune {
                guard case .service = needs[need] else { continue }
                let distanceKm = (rows[row].cells[need].nearest?.distanceMetres ?? parameters.maxDistanceKm * 1_000) / 1_000
                keys.append(Key(score: weight * distanceKm, row: Int32(row), need: Int32(need)))
            }
        }
        // Sorting small keys, then building the gaps in order, moves far less memory than sorting the gaps.
        let codeOrder = rows.indices.sorted { rows[$0].commune.code < rows[$1].commune.code }
        var codeRank = Array(repeating: 0, count: rows.count)
        for (rank, row) in codeOrder.enumerated() { codeRank[row] = rank }
        keys.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.row != rhs.row { return codeRank[Int(lhs.row)] < codeRank[Int(rhs.row)] }
            return lhs.need < rhs.need
        }
        return keys.map { key in
            let row = Int(key.row), need = Int(key.need)
            let nearest = rows[row].cells[need].nearest
            return Gap(
                commune: rows[row].commune.code, need: needs[need], populationConcerned: rows[row].commune.population,
                fragility: rows[row].fragility, nearestDistanceMetres: nearest?.distanceMetres,
                nearestCommuneName: nearest?.communeName, score: key.score, searchLimitKm: parameters.maxDistanceKm)
        }
    }
}

/// The places answering one need, with a finder over their positions. A place answers only if it declares an offer:
/// a library open on Saturday that declares no service is not help on Saturday.
private struct NeedPlaces: Sendable {
    let test: CriterionTest
    let positions: [Int]
    let finder: NearestFinder

    init(need: Need, index: PlaceIndex) {
        test = CriterionTest(need.criterion)
        var positions: [Int] = [], points: [Coordinate] = []
        for (position, entry) in index.entries.enumerated() where entry.declaresAnOffer && test.passes(entry) {
            guard let point = entry.coordinate else { continue }
            positions.append(position)
            points.append(point)
        }
        self.positions = positions
        finder = NearestFinder(points: points)
    }
}
