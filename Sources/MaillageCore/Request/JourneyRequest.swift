/// A persona's journey as a page, the API or the command line asks for it: the persona, optionally placed in another
/// commune, optionally changed by one what-if; with the journey before the change, to compare.
public struct JourneyRequest: Sendable {
    public var journey: Journey
    /// The journey without the what-if, when one changed something.
    public var baseline: Journey?
    /// The what-if asked for (it may change nothing for this persona: then ``baseline`` is nil).
    public var whatIf: WhatIf?
    /// Where the journey starts.
    public var commune: CommuneCode

    /// Reads the commune (`commune`, an INSEE code) and what-if (`si`) as given, validates them, computes the journeys
    /// (the network's orientation rules first, when given).
    public init(
        persona: Persona, commune communeText: String?, whatIf whatIfText: String?, index: PlaceIndex,
        rules: OrientationRuleBook? = nil
    ) throws(ParameterError) {
        var placed = persona
        if let communeText {
            guard let code = CommuneCode(communeText), index.territory.commune(code) != nil else {
                throw ParameterError(
                    parameter: "commune", message: "« commune » attend le code INSEE d'une commune connue",
                    namesNothingKnown: CommuneCode(communeText) != nil)
            }
            placed = persona.living(in: code, territory: index.territory)
        }
        commune = placed.commune
        if let whatIfText {
            guard let change = WhatIf(rawValue: whatIfText) else {
                throw ParameterError(parameter: "si", message: "« si » : \(WhatIf.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            whatIf = change
        }
        guard let base = Journey.compute(for: placed, index: index, rules: rules) else {
            throw ParameterError(parameter: "commune", message: "la commune du persona n'est pas dans la base")
        }
        if let whatIf, let changed = whatIf.applied(to: placed), let journey = Journey.compute(for: changed, index: index, rules: rules) {
            self.journey = journey
            baseline = base
        } else {
            journey = base
        }
    }
}
