import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage

/// `maillage journey`: a persona's journey on the territory's places, step by step, with what breaks and why.
struct JourneyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "Calcule le parcours d'un persona (besoin par besoin : lieu, trajet, ruptures).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Identifiant ou prénom du persona (ex. karima).") var persona: String
    @Option(help: "Code INSEE de la commune où le placer (par défaut : la sienne).") var commune: String?
    @Option(help: "Changer une contrainte : \(WhatIf.allCases.map(\.rawValue).joined(separator: ", ")).") var whatIf: String?

    func run() async throws {
        let (personas, index, rules) = try await database.personasAndIndex()
        let chosen = try PersonaLookup.find(persona, in: personas)
        let request: JourneyRequest
        do {
            request = try JourneyRequest(persona: chosen, commune: commune, whatIf: whatIf, index: index, rules: rules)
        } catch {
            throw ValidationError("--\(error.parameter == "si" ? "what-if" : error.parameter) : \(error.message)")
        }
        let journey = request.journey
        if let baseline = request.baseline {
            print(
                "Et si \(chosen.firstName) \(request.whatIf?.label ?? "") ? Sans ce changement : \(baseline.outcome.label), \(Self.places(baseline.trips))"
            )
        } else if let whatIf = request.whatIf {
            print("Et si \(chosen.firstName) \(whatIf.label) ? Cela ne change rien à son parcours.")
        }
        print("Parcours de \(journey.persona.firstName) (\(journey.commune.name)) : \(journey.outcome.label), \(Self.places(journey.trips))")
        for (number, step) in journey.steps.enumerated() {
            let flags = step.flags.isEmpty ? "" : " [" + Journey.Flag.allCases.filter(step.flags.contains).map(\.label).joined(separator: ", ") + "]"
            print("\(number + 1). \(step.need.task) — \(step.need.service.rawValue)\(flags)")
            print("   \(step.explanation)")
            if let rule = step.rule { print("   Selon la règle du réseau : \(rule.rule.situationText(communeName: journey.commune.name))") }
            if let how = step.howToGetIn { print("   Accès : \(how)") }
            if let referral = step.referral { print("   \(referral)") }
        }
    }

    /// « 1 lieu à visiter », « 3 lieux à visiter ».
    private static func places(_ trips: Int) -> String { trips < 2 ? "\(trips) lieu à visiter" : "\(trips) lieux à visiter" }
}

extension DatabaseOptions {
    /// The stored personas, the place index and the network's orientation rules, the database closed afterwards.
    func personasAndIndex() async throws -> ([Persona], PlaceIndex, OrientationRuleBook) {
        let db = try await open(logger: .cli("maillage"))
        let personas = try await db.personas.all().map(\.persona)
        let (places, reference) = try await db.placesAndTerritory()
        let index = PlaceIndex(places: places, territory: reference)
        let rules = try await db.ruleBook(for: index)
        try await db.shutdown()
        return (personas, index, rules)
    }
}
