/// The reference data of the territories Maillage knows: communes, EPCI, QPV, fragility, broadband, adjacency,
/// with the look-ups that imports and pages need.
public struct TerritoryData: Sendable {
    public private(set) var communes: [CommuneCode: Commune]
    public private(set) var epcis: [Siren: EPCI]
    public private(set) var qpvs: [String: QPV]
    public private(set) var fragility: [CommuneCode: FragilityIndex]
    public private(set) var broadband: [CommuneCode: BroadbandEligibility]
    public private(set) var adjacency: Adjacency

    private var byPostalCode: [String: [CommuneCode]] = [:]
    /// Communes by folded name ("saint amand les eaux"), for lookups by what people type.
    private(set) var byFoldedName: [String: [CommuneCode]] = [:]
    private var qpvsByCommune: [CommuneCode: [String]] = [:]
    /// Each commune's place in alphabetical order (name folded, then code), computed once.
    private var nameRank: [CommuneCode: Int] = [:]
    private var boundaries = SpatialGrid<CommuneCode>(cellDegrees: 0.05)

    public init(
        communes: [Commune], postalCodes: [String: Set<CommuneCode>] = [:], epcis: [EPCI] = [], qpvs: [QPV] = [],
        fragility: [FragilityIndex] = [], broadband: [BroadbandEligibility] = [], adjacency: Adjacency? = nil
    ) {
        self.communes = Dictionary(communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.epcis = Dictionary(epcis.map { ($0.siren, $0) }, uniquingKeysWith: { first, _ in first })
        self.qpvs = Dictionary(qpvs.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.fragility = Dictionary(fragility.map { ($0.commune, $0) }, uniquingKeysWith: { first, _ in first })
        self.broadband = Dictionary(broadband.map { ($0.commune, $0) }, uniquingKeysWith: { first, _ in first })
        self.adjacency = adjacency ?? Adjacency(communes: communes)
        var postal: [String: Set<CommuneCode>] = postalCodes
        let foldedNames = communes.concurrentMap(\.name.folded)  // 35,000 names for France: on every core
        for (commune, folded) in zip(communes, foldedNames) {
            postal[commune.postalCode, default: []].insert(commune.code)
            byFoldedName[Self.nameKey(folded), default: []].append(commune.code)
            if let box = commune.boundary?.boundingBox { boundaries.insert(commune.code, covering: box) }
        }
        byPostalCode = postal.mapValues { $0.sorted() }
        let alphabetical = zip(foldedNames, communes.map(\.code)).sorted { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }
        nameRank = Dictionary(alphabetical.enumerated().map { ($1.1, $0) }, uniquingKeysWith: min)
        for qpv in qpvs { for code in Set(qpv.communes) { qpvsByCommune[code, default: []].append(qpv.code) } }
    }

    public func commune(_ code: CommuneCode) -> Commune? { communes[code] }

    /// Every postal code with the communes it serves.
    public var postalCodes: [String: Set<CommuneCode>] { byPostalCode.mapValues(Set.init) }

    /// The same reference data limited to some communes (and the EPCI, QPV, … that touch them).
    public func restricted(to codes: Set<CommuneCode>) -> TerritoryData {
        TerritoryData(
            communes: communes.values.filter { codes.contains($0.code) },
            postalCodes: postalCodes.mapValues { $0.intersection(codes) }.filter { !$0.value.isEmpty },
            epcis: epcis.values.filter { !codes.isDisjoint(with: $0.members) },
            qpvs: qpvs.values.filter { !codes.isDisjoint(with: $0.communes) },
            fragility: fragility.values.filter { codes.contains($0.commune) },
            broadband: broadband.values.filter { codes.contains($0.commune) },
            adjacency: Adjacency(neighbours: adjacency.neighbours.filter { codes.contains($0.key) }.mapValues { $0.intersection(codes) }))
    }

    /// Communes served by a postal code.
    public func communes(postalCode: String) -> [Commune] { (byPostalCode[postalCode] ?? []).compactMap { communes[$0] } }

    /// Communes whose name matches, ignoring case, accents, hyphens and "St"/"Saint".
    public func communes(named name: String) -> [Commune] { (byFoldedName[Self.nameKey(name)] ?? []).compactMap { communes[$0] } }

    /// The commune whose boundary contains the point, where boundaries are known.
    public func commune(containing point: Coordinate) -> Commune? {
        boundaries.candidates(containing: point).lazy.compactMap { communes[$0] }
            .first { $0.boundary?.contains(point) ?? false }
    }

    /// Member communes of an EPCI, sorted by name.
    public func members(of siren: Siren) -> [Commune] { communes(sortedByName: epcis[siren]?.members ?? []) }

    /// The known communes among `codes`, sorted by name (case and accents ignored), then by code.
    public func communes(sortedByName codes: some Sequence<CommuneCode>) -> [Commune] {
        codes.compactMap { code in communes[code].map { (nameRank[code] ?? .max, $0) } }
            .sorted { ($0.0, $0.1.code.rawValue) < ($1.0, $1.1.code.rawValue) }.map(\.1)
    }

    /// The EPCIs a site presenting `focus` covers: it and its neighbours.
    public func coveredEPCIs(around focus: Siren) -> Set<Siren> {
        Set([focus] + neighbouringEPCIs(of: focus).map(\.siren))
    }

    /// EPCIs with at least one commune adjacent to a commune of `siren`.
    public func neighbouringEPCIs(of siren: Siren) -> [EPCI] {
        guard let epci = epcis[siren] else { return [] }
        let members = Set(epci.members)
        let outside = Set(members.flatMap { adjacency.neighbours(of: $0) }).subtracting(members)
        let touching = Set(outside.compactMap { communes[$0]?.epci })
        return touching.compactMap { epcis[$0] }.sorted { $0.name < $1.name }
    }

    /// QPVs with at least one commune in the list.
    public func qpvs(touching codes: some Sequence<CommuneCode>) -> [QPV] {
        Set(codes.flatMap { qpvsByCommune[$0] ?? [] }).sorted().compactMap { qpvs[$0] }
    }
}
