/// A partnership the network could make, computed and explained: structure A does not offer a service that structure
/// B offers within reach (by bus, from the diagnostic's parameters), and no link joins them yet.
public struct PartnershipSuggestion: Hashable, Sendable {
    public var from: Structure
    public var to: Structure
    /// The services A lacks that B offers, in the standard's order.
    public var services: [Service]
    public var distanceMetres: Double
    public var times: AccessTimes

    /// « CCAS de Raismes n'offre pas Accès internet et matériel informatique ; Médiathèque de Wallers l'offre à 4,2 km
    /// (31 min en bus, 73 min à pied). »
    public var reason: String {
        let offered = services.map(\.rawValue).frenchList
        return "\(from.name) n'offre pas \(offered) ; \(to.name) \(services.count > 1 ? "les offre" : "l'offre") à "
            + "\(FixedPoint.format(distanceMetres / 1_000, digits: 1, separator: ",")) km (\(Int(times.bus.rounded())) min en bus, "
            + "\(Int(times.walking.rounded())) min à pied)."
    }

    /// How long a trip by bus a suggestion allows by default: a person is sent across the territory once, not every day,
    /// so further than the diagnostic's daily « à portée ».
    public static let defaultReachMinutes = 45.0

    /// Suggestions for the structures `from`, among `candidates`: for each, the structures within `reachMinutes` by bus
    /// (from its place in `commune`, or its first) that offer what it lacks, most services first then nearest,
    /// `perStructure` at most; then all of them in that order.
    public static func suggest(from structures: [Structure], candidates: [Structure], index: PlaceIndex, links: [Partnership],
                               parameters: DiagnosticParameters = DiagnosticParameters(), reachMinutes: Double = defaultReachMinutes,
                               perStructure: Int = 3, from commune: CommuneCode? = nil) -> [PartnershipSuggestion] {
        let linked = Set(links.flatMap { ["\($0.from)|\($0.to)", "\($0.to)|\($0.from)"] })
        let offers = Dictionary(candidates.map { ($0.id, index.services(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let points = Dictionary(candidates.compactMap { candidate in index.coordinate(of: candidate).map { (candidate.id, $0) } },
                                uniquingKeysWith: { first, _ in first })
        var suggestions: [PartnershipSuggestion] = []
        for structure in structures {
            // From the structure's place in the commune asked about, when it has several.
            guard let origin = index.coordinate(of: structure, in: commune) else { continue }
            let own = index.services(of: structure)
            let found = candidates.compactMap { candidate -> PartnershipSuggestion? in
                guard candidate.id != structure.id, !linked.contains("\(structure.id)|\(candidate.id)"), let there = points[candidate.id] else { return nil }
                let missing = Service.allCases.filter { !own.contains($0) && (offers[candidate.id]?.contains($0) ?? false) }
                guard !missing.isEmpty else { return nil }
                let distance = origin.distance(to: there)
                let times = parameters.accessTimes(distanceMetres: distance)
                guard times.bus <= reachMinutes else { return nil }
                return PartnershipSuggestion(from: structure, to: candidate, services: missing, distanceMetres: distance, times: times)
            }
            suggestions += found.sorted(by: Self.ranked).prefix(perStructure)
        }
        return suggestions.sorted(by: Self.ranked)
    }

    private static func ranked(_ a: PartnershipSuggestion, _ b: PartnershipSuggestion) -> Bool {
        (-a.services.count, a.distanceMetres, a.to.name) < (-b.services.count, b.distanceMetres, b.to.name)
    }
}
