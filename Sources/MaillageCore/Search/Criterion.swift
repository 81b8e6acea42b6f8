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

    /// Every criterion a query asks for, in a stable order.
    static func all(of query: SearchQuery) -> [Criterion] {
        var result: [Criterion] = Service.allCases.filter(query.services.contains).map(Criterion.service)
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

    /// Whether the place meets the criterion (fast: no text is built).
    func isMet(by entry: PlaceIndex.Entry) -> Bool {
        let place = entry.merged.place
        switch self {
        case .service(let service): return place.services.contains(service)
        case .targetPublic(let audience): return place.publicsSpecifiquementAdresses.isEmpty || place.publicsSpecifiquementAdresses.contains(audience)
        case .specificSupport(let support): return place.priseEnChargeSpecifique.contains(support)
        case .fee(let fees): return place.fraisACharge.contains(where: fees.contains)
        case .accessMode(let mode): return place.modalitesAcces.contains(mode)
        case .supportMode(let mode): return place.modalitesAccompagnement.contains(mode)
        case .programme(let programme): return place.dispositifProgrammesNationaux.contains(programme)
        case .label(let label): return place.formationsLabels.contains(label)
        case .itinerancy(let kinds): return place.itinerance.contains(where: kinds.contains)
        case .openAt(let moment): return entry.schedule?.isOpen(on: moment.day, atMinute: moment.minute) ?? false
        case .availability(let slots): return entry.schedule.map { schedule in slots.contains { schedule.overlap(with: $0) != nil } } ?? false
        case .openAfterSix: return entry.schedule?.isOpenAfter(minute: 18 * 60) ?? false
        case .openOnSaturday: return entry.schedule?.isOpenOnSaturday ?? false
        case .inPerson: return !place.modalitesAcces.contains(.pasDeAccueilPublic) && place.modalitesAccompagnement != [.aDistance]
        }
    }

    /// The reason to show when met, or the gap to show when not, in plain French.
    func explanation(for entry: PlaceIndex.Entry) -> String {
        let place = entry.merged.place
        let met = isMet(by: entry)
        switch self {
        case .service(let service):
            return met ? "propose « \(service.rawValue) »" : "ne propose pas « \(service.rawValue) »"
        case .targetPublic(let audience):
            if place.publicsSpecifiquementAdresses.contains(audience) { return "s'adresse aux \(audience.rawValue.lowercased())" }
            return met ? "accueille tout public" : "ne s'adresse pas aux \(audience.rawValue.lowercased())"
        case .specificSupport(let support):
            return met ? "prise en charge : \(support.rawValue)" : "pas de prise en charge « \(support.rawValue) » déclarée"
        case .fee(let fees):
            if let fee = place.fraisACharge.first(where: fees.contains) { return fee.rawValue.lowercased() }
            return place.fraisACharge.isEmpty ? "frais non renseignés" : "frais : \(place.fraisACharge.map(\.rawValue).joined(separator: ", ").lowercased())"
        case .accessMode(let mode):
            return met ? "accès : \(mode.rawValue.lowercased())" : "accès « \(mode.rawValue) » non indiqué"
        case .supportMode(let mode):
            return met ? mode.rawValue.lowercased() : "accompagnement « \(mode.rawValue) » non indiqué"
        case .programme(let programme):
            return met ? programme.rawValue : "hors dispositif « \(programme.rawValue) »"
        case .label(let label):
            return met ? label.rawValue : "sans « \(label.rawValue) »"
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
            guard entry.schedule != nil else { return "horaires inconnus" }
            return met ? "ouvert après 18 h" : "fermé après 18 h"
        case .openOnSaturday:
            guard let schedule = entry.schedule else { return "horaires inconnus" }
            guard let first = schedule[.saturday].first else { return "fermé le samedi" }
            return first.start < 12 * 60 ? "ouvert samedi matin" : "ouvert samedi après-midi"
        case .inPerson:
            if place.modalitesAcces.contains(.pasDeAccueilPublic) { return "n'accueille pas de public" }
            return met ? "accueil sur place" : "accompagnement à distance uniquement"
        }
    }
}
