import MaillageCore

/// `/personas/:id/parcours?commune=…&si=…`: the journey, step by step, as a timeline and a map; what-ifs beside it.
struct JourneyPage: PageModel {
    struct StepView {
        var number: Int
        var task: String
        var service: String
        var place: String?
        var placeURL: String?
        var placeCommune: String?
        var explanation: String
        var reasons: [String]
        var hasReasons: Bool
        var flags: [String]
        var hasFlags: Bool
        var isRupture: Bool
        var howToGetIn: String?
        var referral: String?
        var shared: String?
        var missingPlaceURL: String?
        /// The missing places register's form, filled from a rupture.
        var registerURL: String?
        var alternatives: String?
        /// Where the place comes from: the network's rule or the computed ranking (nil on a rupture).
        var source: String?
    }

    struct WhatIfLink {
        var label: String
        var url: String
        var selected: Bool
    }

    let template = TemplateName.journey
    var title: String
    var personaName: String
    var personaURL: String
    var communeName: String
    var outcome: String
    var outcomeClass: String
    var trips: String
    var firstContact: String?
    var timeline: String
    /// The same timeline drawn down the screen, for phones.
    var timelineDown: String
    var map: String
    var steps: [StepView]
    var whatIfs: [WhatIfLink]
    var whatIf: String?
    var comparison: String?
    var assumptions: [String]
    /// Which answers the journey used: the network's rules, the computed ranking, or both.
    var answerSource: String
    var rulesURL: String?

    init(journey: Journey, baseline: Journey?, applied: WhatIf?, baseURL: String, commune: CommuneCode, index: PlaceIndex) {
        let persona = journey.persona
        title = "Parcours de \(persona.firstName) — Maillage"
        personaName = persona.firstName
        personaURL = SiteURL.persona(.value(persona.id)).path
        communeName = journey.commune.name
        outcome = journey.outcome.label
        outcomeClass = "outcome-\(journey.outcome.rawValue)"
        trips = journey.trips == 1 ? "1 lieu à visiter" : "\(journey.trips) lieux à visiter"
        firstContact = journey.firstContact.map { "\($0.entry.place.nom) (\($0.entry.place.commune))" }
        timeline = JourneyTimeline(journey: journey).render(.across)
        timelineDown = JourneyTimeline(journey: journey).render(.down)
        steps = journey.steps.enumerated().map { number, step in
            let place = step.visit?.entry.place
            let flags = Journey.Flag.allCases.filter(step.flags.contains)
            return StepView(
                number: number + 1, task: step.need.task, service: step.need.service.rawValue, place: place?.nom,
                placeURL: place.map { SiteURL.place(.value($0.id)).path }, placeCommune: place?.commune, explanation: step.explanation,
                reasons: step.reasons, hasReasons: !step.reasons.isEmpty, flags: flags.map(\.label), hasFlags: !flags.isEmpty,
                isRupture: step.visit == nil,
                howToGetIn: step.howToGetIn, referral: step.referral,
                shared: step.sharedWith.isEmpty ? nil : "même lieu que l'étape " + step.sharedWith.map { String($0 + 1) }.joined(separator: " et "),
                missingPlaceURL: step.flags.contains(.missingPlace) ? SiteURL.communeDiagnostic(.value(journey.commune.code)).path : nil,
                registerURL: step.visit != nil || step.flags.contains(.undeclared)
                    ? nil
                    : journey.commune.epci.map { epci in
                        SiteURL.newMissingPlace.path(query: [
                            ("territoire", epci.rawValue), ("commune", journey.commune.code.rawValue),
                            ("origine", MissingPlace.Origin.journey.rawValue), ("services", step.need.service.rawValue),
                            ("justification", "Parcours de \(persona.firstName), « \(step.need.task) » : \(step.explanation)")
                        ])
                    },
                alternatives: step.alternatives.isEmpty
                    ? nil
                    : "autres possibilités : "
                        + step.alternatives.map {
                            "\($0.entry.place.nom) (\(TripDuration.french($0.minutes)))"
                        }.joined(separator: ", "),
                source: step.visit == nil
                    ? nil
                    : step.rule == nil
                        ? "Lieu choisi par le classement calculé (distance et critères)."
                        : "Lieu choisi selon la règle d'orientation du réseau.")
        }
        let ruled = journey.steps.filter { $0.rule != nil }.count
        answerSource =
            switch ruled {
            case 0:
                "Aucune règle d'orientation du réseau ne parle de la situation de \(persona.firstName) à \(journey.commune.name) : les lieux viennent du classement calculé par la distance et les critères."
            case journey.steps.count: "Chaque étape suit une règle d'orientation du réseau pour la situation de \(persona.firstName)."
            default:
                "\(French.count(ruled, "étape suit", "étapes suivent")) une règle d'orientation du réseau ; les autres viennent du classement calculé par la distance et les critères."
            }
        rulesURL = journey.commune.epci.map { SiteURL.orientationRules.path(query: [("territoire", $0.rawValue)]) }
        whatIfs = WhatIf.allCases.filter { $0.applied(to: baseline?.persona ?? persona) != nil }.map { change in
            WhatIfLink(label: change.label, url: "\(baseURL)?commune=\(commune.rawValue)&si=\(change.rawValue)", selected: change == applied)
        }
        whatIf = applied?.label
        comparison = baseline.map { before in
            let changed = zip(before.steps, journey.steps).filter { $0.visit?.entry.place.id != $1.visit?.entry.place.id }.count
            return "Sans ce changement : \(before.outcome.label) ; \(French.count(changed, "étape change", "étapes changent"))."
        }
        var markers: [SVGMap.Marker] = journey.steps.enumerated().compactMap { number, step in
            guard let visit = step.visit, let point = visit.entry.coordinate else { return nil }
            return SVGMap.Marker(
                point: point, label: String(number + 1), title: visit.entry.place.nom, style: visit.isOutsideTerritory ? .outside : .match)
        }
        let shown = SVGMap.context(home: journey.commune, markers: markers, territory: index.territory)
        markers.append(
            SVGMap.Marker(
                point: journey.commune.centroid, label: "⌂", title: "Domicile de \(persona.firstName) (\(journey.commune.name))", style: .origin))
        map = SVGMap(
            title: "Trajets de \(persona.firstName)", description: "Le domicile et les lieux numérotés comme les étapes", communes: shown,
            highlighted: [journey.commune.code], markers: markers, width: 520, height: 400
        ).render()
        assumptions = journey.parameters.statements
    }
}

extension JourneyPage {
    var breadcrumbParents: [Breadcrumb] { [Breadcrumb(label: personaName, url: personaURL)] }
}
