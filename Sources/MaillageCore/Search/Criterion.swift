/// One requirement of a query, checked on one place: met (with the reason to show) or not (with what is missing).
public enum Criterion: Hashable, Sendable {
    case service(Service)
    case targetPublic(TargetPublic)
    case specificSupport(SpecificSupport)
    case fee(Set<Fee>)
    case accessMode(AccessMode)
    case supportMode(SupportMode)
    case programme(NationalProgramme)
    case label(TrainingLabel)
    case itinerancy(Set<Itinerancy>)
    case openAt(WeeklyMoment)
    case availability([WeeklySlot])
    case openAfterSix
    case openOnSaturday
    case inPerson
    /// The place declares at least one service: asked when the query names none, so that a place recorded without
    /// any declared offer (a library of the national file, say) is never counted as help.
    case declaresAnOffer
    /// The place receives people living in this commune: a place that says it serves only its own residents fails
    /// for a person from elsewhere (added by the search when the origin's commune is known).
    case receivesResidentOf(CommuneCode)

    /// Every criterion a query asks for, in a stable order.
    public static func all(of query: SearchQuery) -> [Criterion] {
        var result: [Criterion] =
            query.services.isEmpty ? [.declaresAnOffer] : Service.allCases.filter(query.services.contains).map(Criterion.service)
        result += TargetPublic.allCases.filter(query.publics.contains).map(Criterion.targetPublic)
        result += SpecificSupport.allCases.filter(query.specificSupports.contains).map(Criterion.specificSupport)
        if !query.fees.isEmpty { result.append(.fee(query.fees)) }
        result += AccessMode.allCases.filter(query.accessModes.contains).map(Criterion.accessMode)
        result += SupportMode.allCases.filter(query.supportModes.contains).map(Criterion.supportMode)
        result += NationalProgramme.allCases.filter(query.programmes.contains).map(Criterion.programme)
        result += TrainingLabel.allCases.filter(query.labels.contains).map(Criterion.label)
        if !query.itinerancy.isEmpty { result.append(.itinerancy(query.itinerancy)) }
        if let moment = query.openAt { result.append(.openAt(moment)) }
        if !query.availability.isEmpty { result.append(.availability(query.availability)) }
        if query.openAfterSix { result.append(.openAfterSix) }
        if query.openOnSaturday { result.append(.openOnSaturday) }
        if query.inPerson { result.append(.inPerson) }
        return result
    }

    /// Whether the place meets the criterion (no text is built; scans compile the criterion once with ``CriterionTest``).
    public func isMet(by entry: PlaceIndex.Entry) -> Bool { CriterionTest(self).passes(entry) }

    /// The reason to show when met, or the gap to show when not, in plain French.
    public func explanation(for entry: PlaceIndex.Entry) -> String { explanation(for: entry, met: isMet(by: entry)) }

    /// The text when it does not depend on the place ("propose « … »"), so that a search builds it once.
    func constantExplanation(met: Bool) -> String? {
        switch self {
        case .service(let service): met ? "propose « \(service.rawValue) »" : "ne propose pas « \(service.rawValue) »"
        case .specificSupport(let support): met ? "prise en charge : \(support.rawValue)" : "pas de prise en charge « \(support.rawValue) » déclarée"
        case .accessMode(let mode): met ? "accès : \(mode.rawValue.lowercased())" : "accès « \(mode.rawValue) » non indiqué"
        case .supportMode(let mode): met ? mode.rawValue.lowercased() : "accompagnement « \(mode.rawValue) » non indiqué"
        case .programme(let programme): met ? programme.rawValue : "hors dispositif « \(programme.rawValue) »"
        case .label(let label): met ? label.rawValue : "sans « \(label.rawValue) »"
        case .openAfterSix: met ? "ouvert après 18 h" : nil
        case .inPerson: met ? "accueil sur place" : nil
        case .declaresAnOffer: met ? nil : "lieu recensé, offre non déclarée"
        case .receivesResidentOf: nil
        case .targetPublic, .fee, .itinerancy, .openAt, .availability, .openOnSaturday: nil
        }
    }

    /// The text for a place, knowing whether it meets the criterion.
    func explanation(for entry: PlaceIndex.Entry, met: Bool) -> String {
        if let text = constantExplanation(met: met) { return text }
        let place = entry.merged.place
        switch self {
        case .targetPublic(let audience):
            if place.publicsSpecifiquementAdresses.contains(audience) { return "s'adresse aux \(audience.rawValue.lowercased())" }
            return met ? "accueille tout public" : "ne s'adresse pas aux \(audience.rawValue.lowercased())"
        case .fee(let fees):
            if let fee = place.fraisACharge.first(where: fees.contains) { return fee.rawValue.lowercased() }
            return place.fraisACharge.isEmpty
                ? "frais non renseignés" : "frais : \(place.fraisACharge.map(\.rawValue).joined(separator: ", ").lowercased())"
        case .itinerancy:
            return met ? place.itinerance.map(\.rawValue).joined(separator: ", ").lowercased() : "itinérance non conforme"
        case .openAt(let moment):
            guard let schedule = entry.schedule else { return "horaires inconnus" }
            let when = "\(moment.day.frenchName) à \(TimeSpan.frenchClock(moment.minute))"
            guard let closing = schedule.closingMinute(on: moment.day, after: moment.minute) else { return "fermé \(when)" }
            return "ouvert \(when) (ferme à \(TimeSpan.frenchClock(closing)))"
        case .availability(let slots):
            guard let schedule = entry.schedule else { return "horaires inconnus" }
            guard let slot = slots.first(where: { schedule.overlap(with: $0) != nil }), let open = schedule.overlap(with: slot) else {
                return "fermé aux moments où la personne est disponible"
            }
            return "ouvert \(slot.day.frenchName) de \(TimeSpan.frenchClock(open.start)) à \(TimeSpan.frenchClock(open.end))"
        case .openAfterSix:
            return entry.schedule == nil ? "horaires inconnus" : "fermé après 18 h"
        case .openOnSaturday:
            guard let schedule = entry.schedule else { return "horaires inconnus" }
            guard let first = schedule[.saturday].first else { return "fermé le samedi" }
            return first.start < 12 * 60 ? "ouvert samedi matin" : "ouvert samedi après-midi"
        case .inPerson:
            return place.modalitesAcces.contains(.pasDeAccueilPublic) ? "n'accueille pas de public" : "accompagnement à distance uniquement"
        case .declaresAnOffer:
            return place.services.map(\.rawValue).joined(separator: " · ")
        case .receivesResidentOf:
            // Nothing to say when it does: every place receives everyone unless it says otherwise.
            return met ? "" : "réservé aux habitants de \(place.commune.displayCased) (selon sa fiche)"
        case .service, .specificSupport, .accessMode, .supportMode, .programme, .label:
            preconditionFailure("answered by constantExplanation")
        }
    }
}
