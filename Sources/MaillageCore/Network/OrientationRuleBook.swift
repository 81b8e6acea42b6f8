/// The orientation rules of every territory, with the structures they name, as the journeys and `/orienter` read them:
/// for a situation and one of its needs, the most specific rule, and the structure's place where the person goes.
public struct OrientationRuleBook: Sendable {
    /// One step of a rule resolved to a place of the index.
    public struct Choice: Sendable {
        public var rule: OrientationRule
        public var step: OrientationRule.Step
        public var structureName: String
        public var entry: PlaceIndex.Entry
    }

    public let structures: StructureDirectory
    private let byCommune: [CommuneCode: [OrientationRule]]

    public init(rules: [OrientationRule], structures: StructureDirectory) {
        self.structures = structures
        byCommune = Dictionary(grouping: rules, by: \.commune)
    }

    /// The rules that speak of a situation, the most specific first.
    public func applicable(to situation: OrientationRule.Situation) -> [OrientationRule] {
        OrientationRule.applicable(byCommune[situation.commune] ?? [], to: situation)
    }

    /// Where the network sends a person in this situation for `need`: the first step of the most specific rule whose
    /// structure has a place in the index — the place offering the need nearest to `origin`, else its nearest place.
    public func choice(for need: Service, in situation: OrientationRule.Situation, index: PlaceIndex, origin: Coordinate) -> Choice? {
        var single = situation
        single.needs = [need]
        for rule in applicable(to: single) {
            for step in rule.steps {
                guard let structure = structures[step.structureID] else { continue }
                let places = structure.placeIDs.compactMap(index.entry(id:)).filter { $0.coordinate != nil }
                let offering = places.filter { $0.place.services.contains(need) }
                let nearest = (offering.isEmpty ? places : offering).min { $0.coordinate!.distance(to: origin) < $1.coordinate!.distance(to: origin) }
                if let nearest { return Choice(rule: rule, step: step, structureName: structure.name, entry: nearest) }
            }
        }
        return nil
    }
}

extension OrientationRule.Situation {
    /// A persona's situation, as the network's rules read it: commune, needs, publics and constraints.
    public init(persona: Persona) {
        var constraints: Set<OrientationRule.Constraint> = []
        if persona.equipment == .none { constraints.insert(.sansEquipement) }
        if !persona.internetAtHome { constraints.insert(.sansInternet) }
        constraints.formUnion(persona.specificSupports.compactMap(\.ruleConstraint))
        self.init(commune: persona.commune, needs: persona.needs.map(\.service), publics: persona.publics, constraints: constraints)
    }
}

extension SpecificSupport {
    /// The constraint of an orientation rule this support speaks of: a language, a disability (illiteracy is neither).
    public var ruleConstraint: OrientationRule.Constraint? {
        switch self {
        case .languesEtrangeresAnglais, .languesEtrangeresAutres: .autreLangue
        case .surdite, .deficienceVisuelle, .handicapsMoteurs, .handicapsMentaux: .handicap
        case .illettrisme: nil
        }
    }
}
