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
        availability = persona.availability.map { Slot(day: $0.day.frenchName, start: TimeSpan.clock($0.span.start), end: TimeSpan.clock($0.span.end)) }
        freeOnly = persona.freeOnly
        needs = persona.needs.map { Need(task: $0.task, service: $0.service.rawValue) }
    }
}

/// A journey in the JSON API.
struct JourneyDTO: ResponseEncodable, Sendable {
    struct Step: Codable, Sendable {
        var task: String
        var service: String
        var placeId: String?
        var placeName: String?
        var placeCommune: String?
        var distanceM: Int?
        var minutes: Int?
        var outsideTerritory: Bool
        var reasons: [String]
        var explanation: String
        var flags: [String]
        var blocker: String?
        var sharedWith: [Int]
        var howToGetIn: String?
        var referral: String?
    }

    var persona: String
    var commune: String
    var whatIf: String?
    var outcome: String
    var trips: Int
    var firstContact: String?
    var steps: [Step]

    init(_ journey: Journey, whatIf: WhatIf?) {
        persona = journey.persona.id
        commune = journey.commune.code.rawValue
        self.whatIf = whatIf?.rawValue
        outcome = journey.outcome.rawValue
        trips = journey.trips
        firstContact = journey.firstContact?.entry.place.id
        steps = journey.steps.map { step in
            let visit = step.visit
            return Step(task: step.need.task, service: step.need.service.rawValue, placeId: visit?.entry.place.id, placeName: visit?.entry.place.nom,
                        placeCommune: visit?.entry.place.commune, distanceM: visit.map { Int($0.distanceMetres.rounded()) },
                        minutes: visit.map { Int($0.minutes.rounded()) }, outsideTerritory: visit?.isOutsideTerritory ?? false,
                        reasons: step.reasons, explanation: step.explanation, flags: Journey.Flag.allCases.filter(step.flags.contains).map(\.rawValue),
                        blocker: step.blocker?.rawValue, sharedWith: step.sharedWith.map { $0 + 1 }, howToGetIn: step.howToGetIn, referral: step.referral)
        }
    }
}

/// The workshop matrix in the JSON API.
struct MatrixDTO: ResponseEncodable, Sendable {
    struct Cell: Codable, Sendable {
        var persona: String
        var outcome: String
        var metNeeds: Int
        var totalNeeds: Int
        var difficultServices: [String]
    }

    struct Column: Codable, Sendable {
        var codeInsee: String
        var commune: String
        var cells: [Cell]
        var hardestServices: [String]
        var blockers: [String: Int]
    }

    var columns: [Column]

    init(_ matrix: WorkshopMatrix) {
        columns = matrix.columns.map { column in
            Column(codeInsee: column.commune.code.rawValue, commune: column.commune.name,
                   cells: column.cells.map { Cell(persona: $0.persona.id, outcome: $0.outcome.rawValue, metNeeds: $0.metNeeds, totalNeeds: $0.totalNeeds,
                                                  difficultServices: $0.difficultNeeds.map(\.service.rawValue)) },
                   hardestServices: column.hardestServices.map(\.service.rawValue),
                   blockers: Dictionary(uniqueKeysWithValues: column.blockers.map { ($0.blocker.rawValue, $0.count) }))
        }
    }
}
