/// The workshop's table: every persona living in every chosen commune, and how their journey ends.
public struct WorkshopMatrix: Sendable {
    public struct Cell: Sendable {
        public var persona: Persona
        public var commune: CommuneCode
        public var outcome: Journey.Outcome
        /// The needs broken or answered only outside the territory.
        public var difficultNeeds: [PersonaNeed]
        /// Needs answered, out of all the persona's needs.
        public var metNeeds: Int
        public var totalNeeds: Int
    }

    /// A commune's column, with the services hardest to get there.
    public struct Column: Sendable {
        public var commune: Commune
        public var cells: [Cell]
        /// Services by how many personas' needs broke, left the territory or met a support no place declares, most first.
        public var hardestServices: [(service: Service, broken: Int, outside: Int, undeclared: Int)]
        /// Why needs broke there, most frequent first.
        public var blockers: [(blocker: Journey.Blocker, count: Int)]
    }

    public var personas: [Persona]
    public var columns: [Column]

    /// Places each persona in each commune (keeping everything else of the persona) and computes the journeys, the
    /// network's orientation rules first when given.
    public static func compute(
        personas: [Persona], communes: [CommuneCode], index: PlaceIndex,
        parameters: DiagnosticParameters = DiagnosticParameters(), rules: OrientationRuleBook? = nil
    ) -> WorkshopMatrix {
        try! compute(personas: personas, communes: communes, index: index, parameters: parameters, rules: rules, within: .unlimited)
    }

    /// The same, stopped (throwing) when `budget` runs out, commune by commune.
    public static func compute(
        personas: [Persona], communes: [CommuneCode], index: PlaceIndex, parameters: DiagnosticParameters = DiagnosticParameters(),
        rules: OrientationRuleBook? = nil, within budget: WorkBudget
    ) throws(WorkStopped) -> WorkshopMatrix {
        let columns = try budget.map(communes, concurrently: false) { code -> Column? in
            guard let commune = index.territory.commune(code) else { return nil }
            var broken: [Service: Int] = [:], outside: [Service: Int] = [:], undeclared: [Service: Int] = [:], blockers: [Journey.Blocker: Int] = [:]
            let cells = personas.compactMap { persona -> Cell? in
                guard
                    let journey = Journey.compute(
                        for: persona.living(in: code, territory: index.territory), index: index, parameters: parameters,
                        rules: rules)
                else { return nil }
                var difficult: [PersonaNeed] = []
                for step in journey.steps {
                    if let blocker = step.blocker { blockers[blocker, default: 0] += 1 }
                    if step.flags.contains(.undeclared) {
                        undeclared[step.need.service, default: 0] += 1; difficult.append(step.need)
                    } else if step.flags.contains(.rupture) {
                        broken[step.need.service, default: 0] += 1; difficult.append(step.need)
                    } else if step.flags.contains(.outsideTerritory) {
                        outside[step.need.service, default: 0] += 1; difficult.append(step.need)
                    }
                }
                return Cell(
                    persona: persona, commune: code, outcome: journey.outcome, difficultNeeds: difficult,
                    metNeeds: journey.steps.filter { $0.visit != nil }.count, totalNeeds: journey.steps.count)
            }
            let hardest = Service.allCases.compactMap { service -> (Service, Int, Int, Int)? in
                let b = broken[service] ?? 0, o = outside[service] ?? 0, u = undeclared[service] ?? 0
                return b + o + u > 0 ? (service, b, o, u) : nil
            }.sorted { ($0.1, $0.2, $0.3) > ($1.1, $1.2, $1.3) }
            return Column(
                commune: commune, cells: cells, hardestServices: hardest.map { (service: $0.0, broken: $0.1, outside: $0.2, undeclared: $0.3) },
                blockers: Journey.Blocker.allCases.compactMap { blocker in blockers[blocker].map { (blocker: blocker, count: $0) } }
                    .sorted { $0.count > $1.count })
        }
        return WorkshopMatrix(personas: personas, columns: columns.compactMap { $0 })
    }

    /// The default communes of the workshop: the three focus communes of the seed.
    public static let focusCommunes = ["59526", "59172", "59491"].compactMap(CommuneCode.init)
}

extension WorkshopMatrix.Column {
    /// The hardest services in words, at most `limit`: « Aide aux démarches administratives : 2 ruptures, 1 hors
    /// territoire, 1 prise en charge non déclarée ».
    public func hardestDescriptions(limit: Int) -> [String] {
        hardestServices.prefix(limit).map { item in
            var parts: [String] = []
            if item.broken > 0 { parts.append("\(item.broken) rupture\(item.broken < 2 ? "" : "s")") }
            if item.outside > 0 { parts.append("\(item.outside) hors territoire") }
            if item.undeclared > 0 {
                parts.append("\(item.undeclared) prise\(item.undeclared < 2 ? "" : "s") en charge non déclarée\(item.undeclared < 2 ? "" : "s")")
            }
            return "\(item.service.rawValue) : \(parts.joined(separator: ", "))"
        }
    }
}
