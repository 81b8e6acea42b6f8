import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage

/// `maillage journey`: a persona's journey on the territory's places, step by step, with what breaks and why.
struct JourneyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "journey",
                                                    abstract: "Calcule le parcours d'un persona (besoin par besoin : lieu, trajet, ruptures).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Identifiant ou prénom du persona (ex. karima).") var persona: String
    @Option(help: "Code INSEE de la commune où le placer (par défaut : la sienne).") var commune: String?
    @Option(help: "Changer une contrainte : \(WhatIf.allCases.map(\.rawValue).joined(separator: ", ")).") var whatIf: String?

    func run() async throws {
        let (personas, index) = try await database.personasAndIndex()
        let chosen = try PersonaLookup.find(persona, in: personas)
        let request: JourneyRequest
        do {
            request = try JourneyRequest(persona: chosen, commune: commune, whatIf: whatIf, index: index)
        } catch {
            throw ValidationError("--\(error.parameter == "si" ? "what-if" : error.parameter) : \(error.message)")
        }
        let journey = request.journey
        if let baseline = request.baseline {
            print("Sans « \(request.whatIf?.label ?? "") » : \(baseline.outcome.label), \(baseline.trips) lieu(x) à visiter")
        } else if let whatIf = request.whatIf {
            print("« \(whatIf.label) » ne change rien pour \(chosen.firstName).")
        }
        print("Parcours de \(journey.persona.firstName) (\(journey.commune.name)) : \(journey.outcome.label), \(journey.trips) lieu(x) à visiter")
        for (number, step) in journey.steps.enumerated() {
            let flags = step.flags.isEmpty ? "" : " [" + Journey.Flag.allCases.filter(step.flags.contains).map(\.label).joined(separator: ", ") + "]"
            print("\(number + 1). \(step.need.task) — \(step.need.service.rawValue)\(flags)")
            print("   \(step.explanation)")
            if let how = step.howToGetIn { print("   Accès : \(how)") }
            if let referral = step.referral { print("   \(referral)") }
        }
    }
}

/// `maillage matrix`: the workshop matrix, personas × communes.
struct MatrixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "matrix", abstract: "Calcule la matrice de l'atelier : personas × communes.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Codes INSEE séparés par des virgules (par défaut : Saint-Amand-les-Eaux, Denain, Raismes).") var communes: String?
    @Option(help: "text ou csv (Excel).") var format: Format = .text

    func run() async throws {
        let (personas, index) = try await database.personasAndIndex()
        let codes = try communes.map { try CommuneListOption.parse($0, in: index.territory) } ?? WorkshopMatrix.focusCommunes
        let matrix = WorkshopMatrix.compute(personas: personas, communes: codes, index: index)
        switch format {
        case .csv: FileHandle.standardOutput.write(MatrixCSVWriter.write(matrix))
        case .text:
            for column in matrix.columns {
                print("\(column.commune.name) (\(column.commune.code))")
                for cell in column.cells {
                    let hard = cell.difficultNeeds.map(\.service.rawValue).joined(separator: ", ")
                    print("  \(cell.outcome.symbol) \(cell.persona.firstName) (\(cell.metNeeds)/\(cell.totalNeeds)) : \(cell.outcome.label)\(hard.isEmpty ? "" : " — \(hard)")")
                }
                let hardest = column.hardestServices.prefix(3).map { "\($0.service.rawValue) (\($0.broken) rupture(s), \($0.outside) hors territoire)" }
                print("  Besoins les plus difficiles : \(hardest.isEmpty ? "aucun" : hardest.joined(separator: " ; "))")
                print("  Causes des ruptures : \(column.blockers.map { "\($0.blocker.label) (\($0.count))" }.joined(separator: ", "))")
            }
        }
    }
}

/// The `--communes` option of the commands: INSEE codes separated by commas.
enum CommuneListOption {
    static func parse(_ list: String, in territory: TerritoryData) throws -> [CommuneCode] {
        do {
            return try territory.communeCodes(inList: list)
        } catch {
            throw ValidationError("--communes : « \(error.text) » n'est pas le code INSEE d'une commune de la base")
        }
    }
}

/// Finds a persona by identifier or first name (case and accents ignored).
enum PersonaLookup {
    static func find(_ text: String, in personas: [Persona]) throws -> Persona {
        if let found = personas.first(where: { $0.id == text || $0.firstName.folded == text.folded }) { return found }
        throw ValidationError("persona « \(text) » inconnu ; personas : \(personas.map(\.id).joined(separator: ", "))")
    }
}

extension DatabaseOptions {
    /// The stored personas and the place index, the database closed afterwards.
    func personasAndIndex() async throws -> ([Persona], PlaceIndex) {
        let db = try await open(logger: .cli("maillage"))
        let personas = try await db.personas.all().map(\.persona)
        let index = PlaceIndex(places: try await db.places.all(), territory: try await db.territories.load())
        try await db.shutdown()
        return (personas, index)
    }
}
