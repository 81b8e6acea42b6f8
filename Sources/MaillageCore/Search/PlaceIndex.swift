/// An immutable in-memory index of merged places: a spatial grid, and per-commune and per-service lists.
///
/// Built once from the store; a new index replaces the old one when the data changes.
public struct PlaceIndex: Sendable {
    /// A place with what searches need precomputed. A class, so that results share the index's entries instead of
    /// copying every field of the place.
    public final class Entry: Sendable {
        public let merged: MergedPlace
        /// `horaires` as read (each distinct text once per index).
        public let openingHours: OpeningHours?
        /// The typical week read from `horaires`, when it could be read.
        public var schedule: WeeklySchedule? { openingHours?.schedule }
        /// The rules of `horaires`, evaluated at dates (« ouvert maintenant »).
        public var hours: OpeningHoursExpression? { openingHours?.expression }
        /// The public holidays of the place's department.
        public let holidays: PublicHolidays
        /// The EPCI of the place's commune.
        public let epci: Siren?
        /// The name folded once for sorting (case and accents ignored).
        public let sortName: String
        /// What searches test, as bits and flags.
        public let traits: PlaceTraits
        public let coordinate: Coordinate?

        public var place: Place { merged.place }

        init(merged: MergedPlace, hours: OpeningHours?, epci: Siren?, sortName: String, traits: PlaceTraits, coordinate: Coordinate?) {
            self.merged = merged
            self.openingHours = hours
            self.holidays = PublicHolidays(department: merged.place.codeInsee?.department)
            self.epci = epci
            self.sortName = sortName
            self.traits = traits
            self.coordinate = coordinate
        }
    }

    public let entries: [Entry]
    public let territory: TerritoryData
    private let grid: SpatialGrid<Int>
    /// The same places in cells ten times larger, for searches over tens of kilometres.
    private let coarseGrid: SpatialGrid<Int>
    /// Each entry's point on the unit sphere (NaN without coordinates), for distance scans without trigonometry.
    private let vectors: [SIMD3<Double>]
    private let positions: [String: Int]
    private let byCommune: [CommuneCode: [Int]]
    private let byService: [Service: [Int]]

    public init(places: [MergedPlace], territory: TerritoryData) {
        self.territory = territory
        // Reading the opening hours and folding the names is most of the cost: each distinct text is read once, and
        // the work is spread over the cores.
        let texts = Array(Set(places.compactMap(\.place.horaires)))
        let read = Dictionary(uniqueKeysWithValues: zip(texts, texts.concurrentMap { OpeningHours(osm: $0) }))
        entries = places.concurrentMap { merged in
            let place = merged.place
            let hours = place.horaires.flatMap { read[$0] }
            return Entry(
                merged: merged, hours: hours, epci: place.codeInsee.flatMap { territory.commune($0)?.epci },
                sortName: place.nom.folded, traits: PlaceTraits(place: place, schedule: hours?.schedule), coordinate: place.coordinate)
        }
        var grid = SpatialGrid<Int>(cellDegrees: 0.05)
        var coarseGrid = SpatialGrid<Int>(cellDegrees: 0.5)
        var byCommune: [CommuneCode: [Int]] = [:]
        var byService: [Service: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let point = entry.place.coordinate {
                grid.insert(index, at: point)
                coarseGrid.insert(index, at: point)
            }
            if let code = entry.place.codeInsee { byCommune[code, default: []].append(index) }
            for service in entry.place.services { byService[service, default: []].append(index) }
        }
        self.grid = grid
        self.coarseGrid = coarseGrid
        vectors = entries.map { $0.coordinate?.unitVector ?? SIMD3(repeating: .nan) }
        self.byCommune = byCommune
        self.byService = byService
        positions = Dictionary(entries.enumerated().map { ($1.place.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { entries.count }

    public func entry(id: String) -> Entry? { positions[id].map { entries[$0] } }

    /// The places of a commune, by name.
    public func entries(in commune: CommuneCode) -> [Entry] {
        (byCommune[commune] ?? []).map { entries[$0] }.sorted { $0.sortName < $1.sortName }
    }

    /// The places of a commune, in index order (for scanning, without the cost of sorting).
    public func unsortedEntries(in commune: CommuneCode) -> [Entry] { (byCommune[commune] ?? []).map { entries[$0] } }

    /// How many places a commune has, with and without a declared offer.
    public func placeCount(in commune: CommuneCode) -> PlaceCount { PlaceCount(unsortedEntries(in: commune)) }

    /// The same for several communes.
    public func placeCount(in communes: some Sequence<CommuneCode>) -> PlaceCount {
        communes.reduce(PlaceCount()) { $0 + placeCount(in: $1) }
    }

    /// Number of places offering each service among the given communes.
    public func serviceCounts(in communes: Set<CommuneCode>) -> [Service: Int] {
        byService.mapValues { $0.filter { entries[$0].place.codeInsee.map(communes.contains) ?? false }.count }
    }

    /// Positions of the places within `radius` metres of `point` that pass `filter`, with their great-circle distance
    /// (compared as chords on the unit sphere: no trigonometry per place).
    func positions(near point: Coordinate, radius: Double, where filter: (Entry) -> Bool = { _ in true }) -> [(Int, Double)] {
        chords(near: point, radius: radius, where: filter).map { ($0.0, Coordinate.metres(forSquaredChord: $0.1)) }
    }

    /// Positions of the places within `radius` metres of the point with their squared chord on the unit sphere (an
    /// order-preserving stand-in for the distance: ``Coordinate/metres(forSquaredChord:)`` turns it into metres only
    /// for the places shown). Large radii scan the coarse grid: a few cells instead of thousands.
    func chords(near point: Coordinate, radius: Double, where filter: (Entry) -> Bool = { _ in true }) -> [(Int, Double)] {
        var found: [(Int, Double)] = []
        let origin = point.unitVector
        let limit = Coordinate.squaredChord(forMetres: radius)
        (radius > Self.coarseGridRadiusMetres ? coarseGrid : grid).forEachCandidate(near: point, radiusMetres: radius) { position in
            let difference = vectors[position] - origin
            let squared = (difference * difference).sum()
            guard squared <= limit, filter(entries[position]) else { return }
            found.append((position, squared))
        }
        return found
    }

    /// Beyond this radius a search scans the coarse grid.
    static let coarseGridRadiusMetres = 15_000.0

    /// Whether a place of the commune offers the service.
    public func offers(_ service: Service, in commune: CommuneCode) -> Bool {
        let wanted = VocabularyBits([service])
        return (byCommune[commune] ?? []).contains { entries[$0].traits.services.intersects(wanted) }
    }

    /// Positions of places offering every service of the set (all places for an empty set).
    func positions(offering services: Set<Service>) -> [Int] {
        guard let rarest = services.min(by: { (byService[$0]?.count ?? 0) < (byService[$1]?.count ?? 0) }) else {
            return Array(entries.indices)
        }
        return byService[rarest] ?? []
    }
}

extension PlaceIndex {
    /// The nearest place offering a service, looking ever further up to `maxDistance` metres.
    public func nearest(
        offering service: Service, from point: Coordinate, maxDistance: Double = neighbourSearchRadiusMetres
    )
        -> (entry: Entry, distanceMetres: Double)?
    {
        let wanted = VocabularyBits([service])
        // Places not offering the service have no location for this search, so the grid skips them.
        return grid.nearest(to: point, maxDistanceMetres: maxDistance) { position in
            entries[position].traits.services.intersects(wanted) ? entries[position].coordinate : nil
        }.map { (entries[$0.item], $0.distance) }
    }
}
