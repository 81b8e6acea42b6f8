/// A partnership the network could make, computed and explained, and where the evidence comes from: structure A does
/// not offer a service that structure B offers within reach; a persona's journey goes from A to B; or a journey breaks
/// because B is too far, and a permanence of B at A would mend it. No link joins A and B yet.
public struct PartnershipSuggestion: Hashable, Sendable {
    /// Why the link is suggested.
    public enum Basis: Hashable, Sendable {
        /// A lacks services B offers within reach by bus.
        case reach(services: [Service])
        /// A persona's journey has A as first contact and sends them to B for a task.
        case journeyStep(persona: String, task: String)
        /// A persona's journey breaks at a task because B, the nearest place that fits, is too far from them; A is on
        /// their way.
        case rupture(persona: String, task: String)
    }

    public var from: Structure
    public var to: Structure
    /// What the link would be: an orientation, or a co-animation that brings B's help to A.
    public var kind: PartnershipKind
    /// The evidence, strongest first (journeys before reach).
    public var bases: [Basis]
    public var distanceMetres: Double
    public var times: AccessTimes

    /// The reasons in sentences: « CCAS de Raismes n'offre pas Accès internet et matériel informatique ; Médiathèque de
    /// Wallers l'offre à 4,2 km (31 min en bus, 73 min à pied). »
    public var reasons: [String] {
        let trip =
            "\(FixedPoint.format(distanceMetres / 1_000, digits: 1, separator: ",")) km (\(Int(times.bus.rounded())) min en bus, "
            + "\(Int(times.walking.rounded())) min à pied)"
        return bases.map { basis in
            switch basis {
            case .reach(let services):
                "\(from.name) n'offre pas \(services.map(\.rawValue).frenchList) ; \(to.name) \(services.count > 1 ? "les offre" : "l'offre") à \(trip)."
            case .journeyStep(let persona, let task):
                "Le parcours de \(persona) va de \(from.name), son premier contact, à \(to.name) pour « \(task) », à \(trip) : aucun partenariat ne les relie."
            case .rupture(let persona, let task):
                "Le parcours de \(persona) rompt à « \(task) » : \(to.name), à \(trip) de \(from.name), est trop loin pour \(persona) ; une permanence de \(to.name) chez \(from.name) le mettrait à sa portée."
            }
        }
    }

    /// All the reasons in one paragraph, as the accepted link's notes keep them.
    public var reason: String { reasons.joined(separator: " ") }

    /// Suggestions for the structures `from`, among `candidates`: for each, the structures within `reach` (by default
    /// ``Reach/occasionalTripByBus``) from its place in `commune` (or its first) that offer what it lacks, most services
    /// first then nearest, `perStructure` at most; then all of them in that order.
    public static func suggest(
        from structures: [Structure], candidates: [Structure], index: PlaceIndex, links: [Partnership],
        parameters: DiagnosticParameters = DiagnosticParameters(), reach: Reach = .occasionalTripByBus,
        perStructure: Int = 3, from commune: CommuneCode? = nil
    ) -> [PartnershipSuggestion] {
        let linked = LinkedPairs(links)
        let offers = Dictionary(candidates.map { ($0.id, index.services(of: $0)) }, uniquingKeysWith: { first, _ in first })
        let points = Dictionary(
            candidates.compactMap { candidate in index.coordinate(of: candidate).map { (candidate.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        var suggestions: [PartnershipSuggestion] = []
        for structure in structures {
            // From the structure's place in the commune asked about, when it has several.
            guard let origin = index.coordinate(of: structure, in: commune) else { continue }
            let own = index.services(of: structure)
            let found = candidates.compactMap { candidate -> PartnershipSuggestion? in
                guard candidate.id != structure.id, !linked.contains(structure.id, candidate.id), let there = points[candidate.id] else { return nil }
                let missing = Service.allCases.filter { !own.contains($0) && (offers[candidate.id]?.contains($0) ?? false) }
                guard !missing.isEmpty else { return nil }
                let distance = origin.distance(to: there)
                let times = parameters.accessTimes(distanceMetres: distance)
                guard reach.reaches(times) else { return nil }
                return PartnershipSuggestion(
                    from: structure, to: candidate, kind: .orienteVers, bases: [.reach(services: missing)],
                    distanceMetres: distance, times: times)
            }
            suggestions += found.sorted(by: Self.ranked).prefix(perStructure)
        }
        return suggestions.sorted(by: Self.ranked)
    }

    /// Suggestions read from journeys: a step whose place's structure B is not the first contact's structure A, and a
    /// rupture by the trip whose nearest fitting place's structure B is far from the first contact A (or, without one,
    /// from the structure nearest to the persona's home). Pairs already linked are left out; one suggestion per pair and
    /// kind, its evidence gathered.
    public static func suggest(
        fromJourneys journeys: [Journey], structures: StructureDirectory, index: PlaceIndex, links: [Partnership],
        parameters: DiagnosticParameters = DiagnosticParameters()
    ) -> [PartnershipSuggestion] {
        let linked = LinkedPairs(links)
        var found: [PartnershipSuggestion] = []
        func add(from: Structure, to: Structure, kind: PartnershipKind, basis: Basis) {
            guard from.id != to.id, !linked.contains(from.id, to.id) else { return }
            if let existing = found.firstIndex(where: { $0.proposes(from.id, to.id, kind) }) {
                if !found[existing].bases.contains(basis) { found[existing].bases.append(basis) }
                return
            }
            guard let a = index.coordinate(of: from), let b = index.coordinate(of: to) else { return }
            let distance = a.distance(to: b)
            found.append(
                PartnershipSuggestion(
                    from: from, to: to, kind: kind, bases: [basis], distanceMetres: distance,
                    times: parameters.accessTimes(distanceMetres: distance)))
        }
        for journey in journeys {
            let persona = journey.persona.firstName
            let first =
                journey.firstContact.flatMap { structures.structure(ofPlace: $0.entry.place.id) }
                ?? nearestStructure(to: journey.commune, index: index, structures: structures)
            guard let first else { continue }
            for step in journey.steps {
                if let visit = step.visit, let to = structures.structure(ofPlace: visit.entry.place.id) {
                    add(from: first, to: to, kind: .orienteVers, basis: .journeyStep(persona: persona, task: step.need.task))
                } else if let near = step.nearMiss, let to = structures.structure(ofPlace: near.entry.place.id) {
                    add(from: first, to: to, kind: .coAnimation, basis: .rupture(persona: persona, task: step.need.task))
                }
            }
        }
        return found.sorted { ($1.bases.count, $0.distanceMetres, $0.to.name) < ($0.bases.count, $1.distanceMetres, $1.to.name) }
    }

    /// The journeys' suggestions first, then those of reach for pairs the journeys did not name (their evidence added
    /// to the journeys' when both name a pair).
    public static func merged(journeys: [PartnershipSuggestion], reach: [PartnershipSuggestion]) -> [PartnershipSuggestion] {
        var result = journeys
        for suggestion in reach {
            if let same = result.firstIndex(where: { $0.proposes(suggestion.from.id, suggestion.to.id, suggestion.kind) }) {
                result[same].bases += suggestion.bases
            } else {
                result.append(suggestion)
            }
        }
        return result
    }

    /// Whether this suggestion is the link of that kind from the first structure to the second: one suggestion per pair
    /// and kind gathers its evidence.
    private func proposes(_ from: String, _ to: String, _ kind: PartnershipKind) -> Bool {
        self.from.id == from && self.to.id == to && self.kind == kind
    }

    /// The structure of the place nearest to a commune's centre, in that commune.
    private static func nearestStructure(to commune: Commune, index: PlaceIndex, structures: StructureDirectory) -> Structure? {
        index.entries(in: commune.code).filter { $0.coordinate != nil }
            .min { $0.coordinate!.distance(to: commune.centroid) < $1.coordinate!.distance(to: commune.centroid) }
            .flatMap { structures.structure(ofPlace: $0.place.id) }
    }

    private static func ranked(_ a: PartnershipSuggestion, _ b: PartnershipSuggestion) -> Bool {
        (-a.serviceCount, a.distanceMetres, a.to.name) < (-b.serviceCount, b.distanceMetres, b.to.name)
    }

    /// How many services the reach evidence names.
    private var serviceCount: Int {
        bases.reduce(0) { count, basis in if case .reach(let services) = basis { count + services.count } else { count } }
    }
}
