extension Journey {
    /// Computes the journey of a persona on the places of the index; nil when the persona's commune is unknown.
    ///
    /// For each need, the network's orientation rule for the persona's situation comes first, when `rules` has one:
    /// the place of the first structure it names. Otherwise the candidates are the places that meet every constraint
    /// and are reachable within the persona's time by their mode. Places answering several needs are chosen first
    /// (fewer trips), then places of the persona's own EPCI, then the quickest to reach.
    public static func compute(
        for persona: Persona, index: PlaceIndex, parameters: DiagnosticParameters = DiagnosticParameters(),
        rules: OrientationRuleBook? = nil
    ) -> Journey? {
        guard let commune = index.territory.commune(persona.commune) else { return nil }
        let origin = commune.centroid
        let reach = Reach.of(persona)
        let services = VocabularyBits(persona.needs.map(\.service))
        let nearby = index.positions(near: origin, radius: reach.radiusMetres(parameters: parameters)) { $0.traits.services.intersects(services) }

        func visit(_ entry: PlaceIndex.Entry, _ distance: Double) -> Visit {
            Visit(
                entry: entry, distanceMetres: distance, minutes: persona.mobility.minutes(distanceMetres: distance, parameters: parameters),
                isOutsideTerritory: entry.epci != commune.epci)
        }

        // Every need's candidates, quickest first.
        let constraints = persona.needs.map { JourneyConstraint.all(for: persona, need: $0) }
        let candidates: [[Visit]] = constraints.map { tests in
            nearby.filter { position, _ in tests.allSatisfy { $0.test(index.entries[position]) } }
                .map { visit(index.entries[$0.0], $0.1) }
                .filter { reach.reaches(minutes: $0.minutes) }
                .sorted { ($0.minutes, $0.entry.sortName) < ($1.minutes, $1.entry.sortName) }
        }
        // The network's rules settle their needs; the cover chooses places for the others.
        let situation = OrientationRule.Situation(persona: persona)
        let ruled = persona.needs.map { rules?.choice(for: $0.service, in: situation, index: index, origin: origin) }
        let chosen = zip(chooseFewestPlaces(candidates.indices.map { ruled[$0] == nil ? candidates[$0] : [] }), ruled).map { computed, choice in
            choice.map { visit($0.entry, $0.entry.coordinate.map(origin.distance(to:)) ?? 0) } ?? computed
        }

        var steps: [Step] = []
        for (number, need) in persona.needs.enumerated() {
            let place = chosen[number]
            let rule = ruled[number]
            var flags: Set<Flag> = index.offers(need.service, in: commune.code) ? [] : [.missingPlace]
            var explanation: String
            var blocker: Blocker?
            var nearMiss: Visit?
            var why = place.map { reasons(for: $0, need: need, persona: persona) } ?? []
            if let place {
                if place.isOutsideTerritory { flags.insert(.outsideTerritory) }
                explanation =
                    "\(place.entry.place.nom) (\(place.entry.place.commune)), à \(TripDuration.french(place.minutes)) \(persona.mobility.label)"
                if place.isOutsideTerritory { explanation += ", hors du territoire de \(persona.firstName)" }
                if let rule {
                    explanation += ", selon la règle d'orientation du réseau"
                    if !reach.reaches(minutes: place.minutes) {
                        explanation += " (au-delà des \(TripDuration.french(persona.maxMinutes)) que \(persona.firstName) accepte)"
                    }
                    why.insert("règle du réseau pour : \(rule.rule.situationText(communeName: commune.name))", at: 0)
                }
            } else {
                flags.insert(.rupture)
                (explanation, blocker, nearMiss) = explainFailure(
                    persona: persona, need: need, constraints: constraints[number], index: index,
                    origin: origin, homeEPCI: commune.epci, parameters: parameters)
                if blocker == .specificSupport { flags.insert(.undeclared) }
            }
            steps.append(
                Step(
                    need: need, visit: place,
                    alternatives: candidates[number].filter { $0.entry.place.id != place?.entry.place.id }.prefix(2).map { $0 },
                    reasons: why, explanation: explanation, flags: flags, blocker: blocker, nearMiss: nearMiss, sharedWith: [],
                    howToGetIn: rule.map(howToGetIn) ?? place.map { howToGetIn($0.entry, persona: persona) }, referral: nil, rule: rule))
        }
        for number in steps.indices {
            guard let id = steps[number].visit?.entry.place.id else { continue }
            steps[number].sharedWith = steps.indices.filter { $0 != number && steps[$0].visit?.entry.place.id == id }
        }
        let firstContact = steps.lazy.compactMap(\.visit).first
        if let firstContact {
            for number in steps.indices {
                guard let place = steps[number].visit, place.entry.place.id != firstContact.entry.place.id else { continue }
                steps[number].referral = referral(
                    from: firstContact.entry, to: place.entry, persona: persona, approach: steps[number].rule?.step.approach)
            }
        }
        return Journey(persona: persona, commune: commune, steps: steps, firstContact: firstContact, parameters: parameters)
    }

    /// Greedy set cover: repeatedly the place that answers the most needs still open, in the persona's territory
    /// first, then the quickest; each need then goes to the place chosen for it.
    static func chooseFewestPlaces(_ candidates: [[Visit]]) -> [Visit?] {
        var chosen = [Visit?](repeating: nil, count: candidates.count)
        var open = Set(candidates.indices.filter { !candidates[$0].isEmpty })
        while !open.isEmpty {
            var best: (visit: Visit, needs: [Int])?
            for need in open.sorted() {
                for visit in candidates[need] {
                    let answered = open.filter { other in candidates[other].contains { $0.entry === visit.entry } }.sorted()
                    guard let current = best else { best = (visit, answered); continue }
                    let better = (answered.count, !visit.isOutsideTerritory ? 1 : 0, -visit.minutes)
                    let incumbent = (current.needs.count, !current.visit.isOutsideTerritory ? 1 : 0, -current.visit.minutes)
                    if better > incumbent { best = (visit, answered) }
                }
            }
            guard let best else { break }
            for need in best.needs { chosen[need] = candidates[need].first { $0.entry === best.visit.entry } }
            open.subtract(best.needs)
        }
        return chosen
    }

    /// Which constraint excluded every candidate, how many remained before it, and the nearest place that would fit
    /// without the access limit (returned too, when the trip is what excluded it).
    static func explainFailure(
        persona: Persona, need: PersonaNeed, constraints: [JourneyConstraint], index: PlaceIndex, origin: Coordinate,
        homeEPCI: Siren?, parameters: DiagnosticParameters
    ) -> (String, Blocker, Visit?) {
        let limit = parameters.maxDistanceKm * 1_000
        let within = "à moins de \(Int(parameters.maxDistanceKm)) km"
        func survivors(_ constraint: JourneyConstraint, _ count: Int) -> String {
            count == 1 ? "1 lieu \(constraint.survivorText.one)" : "\(count) lieux \(constraint.survivorText.many)"
        }
        // The first constraint (the service) is applied while scanning, before any distance is computed.
        let service = constraints[0]
        var remaining = index.positions(near: origin, radius: limit, where: service.test)
        if remaining.isEmpty { return (sentence(["\(service.noneText) \(within)"]), service.kind, nil) }
        var parts = ["\(survivors(service, remaining.count)) \(within)"]
        for constraint in constraints.dropFirst() {
            let kept = remaining.filter { constraint.test(index.entries[$0.0]) }
            if kept.isEmpty {
                parts.append(constraint.noneText)
                return (sentence(parts), constraint.kind, nil)
            }
            parts.append(survivors(constraint, kept.count))
            remaining = kept
        }
        // Every constraint but the trip can be met: name the nearest such place and its trip.
        guard let (position, distance) = remaining.min(by: { $0.1 < $1.1 }) else { return (sentence(parts), .trip, nil) }
        let entry = index.entries[position]
        let minutes = persona.mobility.minutes(distanceMetres: distance, parameters: parameters)
        let outside = entry.epci != homeEPCI ? ", hors du territoire" : ""
        parts.append(
            "aucun n'est à moins de \(TripDuration.french(persona.maxMinutes)) \(persona.mobility.label) ; le plus proche est \(entry.place.nom) à \(Distance.french(distance)) (\(entry.place.commune)\(outside)), \(TripDuration.french(minutes)) \(persona.mobility.label)"
        )
        return (sentence(parts), .trip, Visit(entry: entry, distanceMetres: distance, minutes: minutes, isOutsideTerritory: entry.epci != homeEPCI))
    }

    private static func sentence(_ parts: [String]) -> String {
        let text = parts.joined(separator: " ; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Why a place fits: the service, the opening matching the persona's time, fees, in-person help, the trip.
    static func reasons(for visit: Visit, need: PersonaNeed, persona: Persona) -> [String] {
        let entry = visit.entry
        var result = [Criterion.service(need.service).explanation(for: entry)]
        if !persona.availability.isEmpty { result.append(Criterion.availability(persona.availability).explanation(for: entry)) }
        if persona.freeOnly {
            result.append(
                entry.traits.fees.isEmpty
                    ? "frais non renseignés (à vérifier)" : Criterion.fee([.gratuit, .gratuitSousCondition]).explanation(for: entry))
        }
        for support in persona.specificSupports { result.append(Criterion.specificSupport(support).explanation(for: entry)) }
        if persona.needsInPersonHelp { result.append(Criterion.inPerson.explanation(for: entry)) }
        result.append("\(TripDuration.french(visit.minutes)) \(persona.mobility.label) (\(Distance.french(visit.distanceMetres)))")
        return result
    }

    /// The way in the persona can use alone: walk in, call, or — with equipment and autonomy — book online or write.
    static func howToGetIn(_ entry: PlaceIndex.Entry, persona: Persona) -> String {
        let place = entry.place
        let modes = place.modalitesAcces
        if modes.contains(.sePresenter) { return "se présenter aux heures d'ouverture" }
        if modes.contains(.telephoner) { return place.telephone.map { "téléphoner au \($0)" } ?? "téléphoner" }
        if persona.canUseOnlineContact, modes.contains(.rdvEnLigne) {
            return "prendre rendez-vous en ligne" + (place.priseRdv.map { " (\($0))" } ?? "")
        }
        if persona.canUseOnlineContact, modes.contains(.contacterParMail) { return "écrire par courriel" }
        if modes.contains(.ficheDePrescription) { return "être orienté·e par un professionnel (fiche de prescription)" }
        if let phone = place.telephone { return "modalités d'accès non renseignées : téléphoner au \(phone)" }
        return "modalités d'accès non renseignées"
    }

    /// How the network's rule says to get in: its approach, and its contact point.
    static func howToGetIn(_ choice: OrientationRuleBook.Choice) -> String {
        choice.step.approach.label + (choice.step.contact.isEmpty ? "" : " (\(choice.step.contact))")
    }

    /// How the first point of contact passes the persona on: the rule's approach when a rule chose the place, else what
    /// the place declares.
    static func referral(from first: PlaceIndex.Entry, to next: PlaceIndex.Entry, persona: Persona, approach: OrientationRule.Approach?) -> String {
        let how: String
        if let approach {
            how = "selon la règle du réseau : \(approach.label)"
        } else if next.place.modalitesAcces.contains(.ficheDePrescription) {
            how = "par une fiche de prescription envoyée par courriel"
        } else if next.place.modalitesAcces.contains(.telephoner) {
            how = "par téléphone, pour prendre rendez-vous avec \(persona.firstName)"
        } else if next.place.modalitesAcces.contains(.rdvEnLigne) {
            how = "en prenant pour \(persona.firstName) un rendez-vous en ligne"
        } else {
            how = "en lui donnant l'adresse et les horaires"
        }
        return "orienté·e par \(first.place.nom) \(how)"
    }
}

/// Durations in plain French.
public enum TripDuration {
    /// "12 min", "1 h 05".
    public static func french(_ minutes: Double) -> String {
        let total = Int(minutes.rounded())
        return total < 60 ? "\(total) min" : "\(total / 60) h \(total % 60 < 10 ? "0" : "")\(total % 60)"
    }
}
