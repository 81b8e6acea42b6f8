/// One constraint of a persona on a place, in the order failures are explained: the first one that leaves no
/// candidate is the one the journey names.
struct JourneyConstraint {
    /// What kind of constraint, for summaries ("service absent", "horaires").
    let kind: Journey.Blocker
    /// "propose « … »" / "proposent « … »", to say how many candidates remain (singular, plural).
    let survivorText: (one: String, many: String)
    /// "aucun n'est ouvert quand Karima est disponible", to say none remains.
    let noneText: String
    let test: (PlaceIndex.Entry) -> Bool

    /// The persona's constraints for one need, except the access time (checked on the trip).
    static func all(for persona: Persona, need: PersonaNeed) -> [JourneyConstraint] {
        let name = persona.firstName
        var result: [JourneyConstraint] = []
        let service = CriterionTest(.service(need.service))
        result.append(
            JourneyConstraint(
                kind: .service, survivorText: ("propose « \(need.service.rawValue) »", "proposent « \(need.service.rawValue) »"),
                noneText: "aucun lieu ne propose « \(need.service.rawValue) »", test: service.passes))
        let publics = VocabularyBits(persona.publics)
        if !publics.isEmpty {
            result.append(
                JourneyConstraint(
                    kind: .audience, survivorText: ("accueille le public de \(name)", "accueillent le public de \(name)"),
                    noneText:
                        "aucun n'accueille le public de \(name) (\(persona.publics.map(\.rawValue).sorted().joined(separator: ", ").lowercased()))",
                    test: { $0.traits.publics.isEmpty || $0.traits.publics.intersects(publics) }))
        }
        for support in persona.specificSupports {
            let test = CriterionTest(.specificSupport(support))
            result.append(
                JourneyConstraint(
                    kind: .specificSupport,
                    survivorText: ("déclare une prise en charge « \(support.rawValue) »", "déclarent une prise en charge « \(support.rawValue) »"),
                    noneText: "aucun ne déclare de prise en charge « \(support.rawValue) »", test: test.passes))
        }
        if persona.freeOnly {
            // Only what the data says is paying is excluded: fees left blank are to be checked, not a refusal.
            let free = VocabularyBits<Fee>([.gratuit, .gratuitSousCondition])
            result.append(
                JourneyConstraint(
                    kind: .fees, survivorText: ("n'est pas payant", "ne sont pas payants"), noneText: "tous sont payants",
                    test: { $0.traits.fees.isEmpty || $0.traits.fees.intersects(free) }))
        }
        if persona.needsInPersonHelp {
            let test = CriterionTest(.inPerson)
            result.append(
                JourneyConstraint(
                    kind: .inPerson, survivorText: ("accueille sur place", "accueillent sur place"),
                    noneText: "aucun n'accompagne sur place, alors que \(name) ne peut pas être aidé·e à distance",
                    test: test.passes))
        }
        let hours = CriterionTest(.availability(persona.availability))
        let when = persona.availability.isEmpty ? "jamais" : persona.availabilityLabel
        result.append(
            JourneyConstraint(
                kind: .hours,
                survivorText: ("est ouvert quand \(name) est disponible (\(when))", "sont ouverts quand \(name) est disponible (\(when))"),
                noneText: "aucun n'est ouvert quand \(name) est disponible (\(when))", test: hours.passes))
        return result
    }
}

extension Persona {
    /// "lundi matin, mardi matin, samedi matin"
    public var availabilityLabel: String { availability.map(\.label).joined(separator: ", ") }
}
