import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage

/// `maillage matrix`: the workshop matrix, personas × communes.
struct MatrixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "matrix", abstract: "Calcule la matrice de l'atelier : personas × communes.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Codes INSEE séparés par des virgules (par défaut : Saint-Amand-les-Eaux, Denain, Raismes).") var communes: String?
    @Option(help: "text ou csv (Excel).") var format: Format = .text

    func run() async throws {
        let (personas, index, rules) = try await database.personasAndIndex()
        let codes = try communes.map { try CommuneListOption.parse($0, in: index.territory) } ?? WorkshopMatrix.focusCommunes
        let matrix = WorkshopMatrix.compute(personas: personas, communes: codes, index: index, rules: rules)
        switch format {
        case .csv: FileHandle.standardOutput.write(MatrixCSVWriter.write(matrix))
        case .text:
            for column in matrix.columns {
                print("\(column.commune.name) (\(column.commune.code))")
                for cell in column.cells {
                    let hard = cell.difficultNeeds.map(\.service.rawValue).joined(separator: ", ")
                    print(
                        "  \(cell.outcome.symbol) \(cell.persona.firstName) (\(cell.metNeeds)/\(cell.totalNeeds)) : \(cell.outcome.label)\(hard.isEmpty ? "" : " — \(hard)")"
                    )
                }
                let hardest = column.hardestDescriptions(limit: 3)
                print("  Besoins les plus difficiles : \(hardest.isEmpty ? "aucun" : hardest.joined(separator: " ; "))")
                print("  Causes des ruptures : \(column.blockers.map { "\($0.blocker.label) (\($0.count))" }.joined(separator: ", "))")
            }
        }
    }
}
