/// One constraint of a persona changed, to see how the journey changes ("et si… ?").
public enum WhatIf: String, CaseIterable, Codable, Sendable {
    case busPass = "pass-bus"
    case lift = "voiture"
    case longerTrip = "trajet-long"
    case evening = "soiree"
    case saturday = "samedi"
    case companion = "accompagnant"
    case equipped = "equipement"
    case feesAccepted = "payant"

    public var label: String {
        switch self {
        case .busPass: "un abonnement de bus"
        case .lift: "un proche qui l'emmène en voiture"
        case .longerTrip: "15 minutes de trajet de plus"
        case .evening: "disponible aussi en soirée"
        case .saturday: "disponible aussi le samedi"
        case .companion: "un·e interprète ou un proche qui l'accompagne"
        case .equipped: "un smartphone avec forfait internet"
        case .feesAccepted: "un service payant accepté"
        }
    }

    /// The persona with this change, or nil when it changes nothing for them.
    public func applied(to persona: Persona) -> Persona? {
        var changed = persona
        switch self {
        case .busPass:
            guard persona.mobility == .onFoot else { return nil }
            changed.mobility = .bus
            changed.maxMinutes = max(persona.maxMinutes, 30)
        case .lift:
            guard persona.mobility != .car else { return nil }
            changed.mobility = .car
        case .longerTrip:
            changed.maxMinutes += 15
        case .evening:
            changed.availability += Persona.weekdays(.soir).filter { !persona.availability.contains($0) }
        case .saturday:
            changed.availability += [WeeklySlot(day: .saturday, part: .matin), WeeklySlot(day: .saturday, part: .apresMidi)]
                .filter { !persona.availability.contains($0) }
        case .companion:
            changed.specificSupports = []
        case .equipped:
            changed.equipment = persona.equipment == .none ? .smartphoneOnly : persona.equipment
            changed.internetAtHome = true
            if persona.autonomy == .none { changed.autonomy = .beginner }
        case .feesAccepted:
            changed.freeOnly = false
        }
        return changed == persona ? nil : changed
    }
}
