/// The orientations sent between structures, counted — by pair of structures, need and status, never who for: the
/// real flows of the network, and those that left the territory.
public struct ReferralFlows: Sendable {
    /// How many orientations one structure sent another for a need, in one status.
    public struct Count: Hashable, Sendable {
        public var from: String
        public var to: String
        public var need: Service
        public var status: ReferralStatus
        public var count: Int

        public init(from: String, to: String, need: Service, status: ReferralStatus, count: Int) {
            self.from = from
            self.to = to
            self.need = need
            self.status = status
            self.count = count
        }
    }

    /// A pair of structures and how many orientations went from the first to the second, honoured ones among them.
    public struct Pair: Hashable, Sendable {
        public var from: String
        public var to: String
        public var count: Int
        public var honoured: Int
        /// The needs, most orientations first.
        public var needs: [Service]
    }

    public let counts: [Count]

    public init(counts: [Count]) { self.counts = counts }

    public var total: Int { counts.reduce(0) { $0 + $1.count } }

    /// Every pair, most orientations first.
    public var pairs: [Pair] { Self.pairs(of: counts) }

    /// The pairs whose receiving structure is outside `territories` (a neighbour's, or one the directory no longer
    /// knows): the orientations that left the territory.
    public func leaving(_ territories: Set<Siren>, structures: StructureDirectory) -> [Pair] {
        Self.pairs(of: counts.filter { count in structures[count.to]?.territory.map { !territories.contains($0) } ?? true })
    }

    private static func pairs(of counts: [Count]) -> [Pair] {
        Dictionary(grouping: counts) { "\($0.from)|\($0.to)" }.values.map { group in
            var byNeed: [Service: Int] = [:]
            for count in group { byNeed[count.need, default: 0] += count.count }
            return Pair(
                from: group[0].from, to: group[0].to, count: group.reduce(0) { $0 + $1.count },
                honoured: group.filter { $0.status == .honoree }.reduce(0) { $0 + $1.count },
                needs: byNeed.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }.map(\.key))
        }.sorted { ($1.count, $0.from, $0.to) < ($0.count, $1.from, $1.to) }
    }
}
