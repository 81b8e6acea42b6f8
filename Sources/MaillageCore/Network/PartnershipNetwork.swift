/// The network of a territory's structures and their partnerships, and what it says: who is isolated, who connects
/// others (betweenness), which communes no link reaches, and whether orientations go both ways.
public struct PartnershipNetwork: Sendable {
    public struct Broker: Hashable, Sendable {
        public var structure: Structure
        /// Betweenness centrality, normalised to 0…1: the share of shortest paths between two other structures that
        /// go through this one.
        public var betweenness: Double
    }

    public let structures: [Structure]
    /// The links between structures of the network (a link to a structure the directory no longer has is left out).
    public let links: [Partnership]
    public let isolated: [Structure]
    /// Structures on at least one shortest path between two others, the most central first.
    public let brokers: [Broker]
    /// Communes of the territory that no structure with a link serves.
    public let unreachedCommunes: [CommuneCode]
    /// For each linked structure, the services neither it nor any of its partners offers: needs it cannot answer and
    /// cannot send to a partner for.
    public let unanswered: [(structure: Structure, services: [Service])]
    /// Directed orientations (A sends people to B) and how many of them also go back (B to A).
    public let orientations: Int
    public let reciprocated: Int

    public init(structures: [Structure], links: [Partnership], communes: [CommuneCode], services: (Structure) -> Set<Service> = { _ in [] }) {
        self.structures = structures
        let known = Set(structures.map(\.id))
        let links = links.filter { known.contains($0.from) && known.contains($0.to) }
        self.links = links
        var neighbours: [String: Set<String>] = [:]
        for link in links {
            neighbours[link.from, default: []].insert(link.to)
            neighbours[link.to, default: []].insert(link.from)
        }
        isolated = structures.filter { neighbours[$0.id] == nil }
        let scores = Self.betweenness(neighbours)
        let n = Double(max(neighbours.count, 3))
        brokers = structures.compactMap { structure in
            guard let score = scores[structure.id], score > 0 else { return nil }
            // Undirected: each pair is counted from both ends; normalised by the (n-1)(n-2) ordered pairs.
            return Broker(structure: structure, betweenness: score / ((n - 1) * (n - 2)))
        }.sorted { ($0.betweenness, $1.structure.name) > ($1.betweenness, $0.structure.name) }
        let offered = Dictionary(structures.map { ($0.id, services($0)) }, uniquingKeysWith: { first, _ in first })
        unanswered = structures.compactMap { structure in
            guard let partners = neighbours[structure.id] else { return nil }
            let answered = partners.reduce(offered[structure.id] ?? []) { $0.union(offered[$1] ?? []) }
            let missing = Service.allCases.filter { !answered.contains($0) }
            return missing.isEmpty ? nil : (structure, missing)
        }
        let reached = Set(structures.filter { neighbours[$0.id] != nil }.flatMap(\.communes))
        unreachedCommunes = communes.filter { !reached.contains($0) }
        let directed = Set(
            links.filter(\.kind.isOrientation).map { link in
                link.kind == .orienteVers ? "\(link.from)→\(link.to)" : "\(link.to)→\(link.from)"
            })
        orientations = directed.count
        reciprocated =
            directed.filter { pair in
                let ends = pair.components(separatedBy: "→")
                return directed.contains("\(ends[1])→\(ends[0])")
            }.count
    }

    /// The links of one structure, either end.
    public func links(of structureID: String) -> [Partnership] { links.filter { $0.from == structureID || $0.to == structureID } }

    /// Brandes' algorithm on the undirected, unweighted graph: for each structure, the sum over ordered pairs of
    /// others of the share of their shortest paths through it.
    static func betweenness(_ neighbours: [String: Set<String>]) -> [String: Double] {
        let nodes = neighbours.keys.sorted()
        var centrality = Dictionary(uniqueKeysWithValues: nodes.map { ($0, 0.0) })
        for source in nodes {
            var stack: [String] = []
            var predecessors: [String: [String]] = [:]
            var paths: [String: Double] = [source: 1]
            var distance: [String: Int] = [source: 0]
            var queue = [source]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                stack.append(node)
                for next in neighbours[node, default: []].sorted() {
                    if distance[next] == nil {
                        distance[next] = distance[node]! + 1
                        queue.append(next)
                    }
                    if distance[next] == distance[node]! + 1 {
                        paths[next, default: 0] += paths[node]!
                        predecessors[next, default: []].append(node)
                    }
                }
            }
            var dependency: [String: Double] = [:]
            for node in stack.reversed() {
                for previous in predecessors[node, default: []] {
                    dependency[previous, default: 0] += paths[previous]! / paths[node]! * (1 + dependency[node, default: 0])
                }
                if node != source { centrality[node, default: 0] += dependency[node, default: 0] }
            }
        }
        return centrality
    }
}
