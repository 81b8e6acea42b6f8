import MaillageCore

/// A persona in plain French, as lists and pages show it.
struct PersonaSummary {
    struct Need {
        var task: String
        var service: String
    }

    var id: String
    var firstName: String
    var description: String
    var url: String
    var journeyURL: String
    var facts: [String]
    var needs: [Need]

    init(_ persona: Persona, territory: TerritoryData) {
        id = persona.id
        firstName = persona.firstName
        description = persona.description
        url = SiteURL.persona(.value(persona.id)).path
        journeyURL = SiteURL.journey(.value(persona.id)).path
        let commune = territory.commune(persona.commune)?.name ?? persona.commune.rawValue
        facts = [
            persona.ageBand.label, persona.situation.label, "habite \(commune)" + (persona.qpv.map { " (quartier prioritaire \($0))" } ?? ""),
            "équipement : \(persona.equipment.label)" + (persona.internetAtHome ? ", internet à la maison" : ", pas d'internet à la maison"),
            "usage du numérique : \(persona.autonomy.label)",
            "se déplace \(persona.mobility.label), \(TripDuration.french(persona.maxMinutes)) au plus",
            "disponible : \(persona.availabilityLabel)"
        ]
        if !persona.specificSupports.isEmpty { facts.append("a besoin de : \(persona.specificSupports.map(\.rawValue).joined(separator: ", "))") }
        if persona.freeOnly { facts.append("seulement des services gratuits") }
        needs = persona.needs.map { Need(task: $0.task, service: $0.service.rawValue) }
    }
}
