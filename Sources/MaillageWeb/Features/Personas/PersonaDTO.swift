import Hummingbird
import MaillageCore

/// A persona in the JSON API, with the version an edit must quote.
struct PersonaDTO: ResponseEncodable, Sendable {
    struct Need: Codable, Sendable {
        var task: String
        var service: String
    }

    struct Slot: Codable, Sendable {
        var day: String
        var start: String
        var end: String
    }

    var id: String
    var version: Int
    var firstName: String
    var description: String
    var ageBand: String
    var commune: String
    var qpv: String?
    var situation: String
    var equipment: String
    var internetAtHome: Bool
    var autonomy: String
    var specificSupports: [String]
    var mobility: String
    var maxMinutes: Double
    var availability: [Slot]
    var freeOnly: Bool
    var needs: [Need]

    init(_ persona: Persona, version: Int) {
        id = persona.id
        self.version = version
        firstName = persona.firstName
        description = persona.description
        ageBand = persona.ageBand.rawValue
        commune = persona.commune.rawValue
        qpv = persona.qpv
        situation = persona.situation.rawValue
        equipment = persona.equipment.rawValue
        internetAtHome = persona.internetAtHome
        autonomy = persona.autonomy.rawValue
        specificSupports = persona.specificSupports.map(\.rawValue)
        mobility = persona.mobility.rawValue
        maxMinutes = persona.maxMinutes
        availability = persona.availability.map {
            Slot(day: $0.day.frenchName, start: TimeSpan.clock($0.span.start), end: TimeSpan.clock($0.span.end))
        }
        freeOnly = persona.freeOnly
        needs = persona.needs.map { Need(task: $0.task, service: $0.service.rawValue) }
    }
}
