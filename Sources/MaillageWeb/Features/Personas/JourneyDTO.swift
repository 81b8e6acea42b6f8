import Hummingbird
import MaillageCore

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
        /// The network's orientation rule that chose the place; absent when it comes from the computed ranking.
        var rule: Rule?
    }

    /// The rule a step used, and its step: which structure, how to orient, whom to contact.
    struct Rule: Codable, Sendable {
        var id: Int
        var situation: String
        var structureId: String
        var structureName: String
        var approach: String
        var contact: String
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
            return Step(
                task: step.need.task, service: step.need.service.rawValue, placeId: visit?.entry.place.id, placeName: visit?.entry.place.nom,
                placeCommune: visit?.entry.place.commune, distanceM: visit.map { Int($0.distanceMetres.rounded()) },
                minutes: visit.map { Int($0.minutes.rounded()) }, outsideTerritory: visit?.isOutsideTerritory ?? false,
                reasons: step.reasons, explanation: step.explanation, flags: Journey.Flag.allCases.filter(step.flags.contains).map(\.rawValue),
                blocker: step.blocker?.rawValue, sharedWith: step.sharedWith.map { $0 + 1 }, howToGetIn: step.howToGetIn, referral: step.referral,
                rule: step.rule.map { choice in
                    Rule(
                        id: choice.rule.id, situation: choice.rule.situationText(communeName: journey.commune.name),
                        structureId: choice.step.structureID,
                        structureName: choice.structureName, approach: choice.step.approach.rawValue, contact: choice.step.contact)
                })
        }
    }
}
