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

    /// What would change, as it follows the persona's first name: « Et si Karima [était aussi disponible en soirée] ? ».
    public var label: String {
        switch self {
        case .busPass: "avait un abonnement de bus"
        case .lift: "avait un proche qui l'emmène en voiture"
        case .longerTrip: "acceptait 15 minutes de trajet de plus"
        case .evening: "était aussi disponible en soirée"
        case .saturday: "était aussi disponible le samedi"
        case .companion: "avait un·e interprète ou un proche qui l'accompagne"
        case .equipped: "avait un smartphone avec forfait internet"
        case .feesAccepted: "acceptait un service payant"
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
