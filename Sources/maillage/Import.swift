import ArgumentParser
import Foundation
import MaillageImport
import MaillageSources
import MaillageStorage

/// `maillage import FILE…`: detects each file's format, imports it in one transaction and prints its report.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Importe des fichiers (lieux, communes, EPCI, contours, QPV, fragilité, ARCEP) ; un rapport par fichier.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Fichiers à importer (.csv, .json, .geojson, éventuellement .gz).") var files: [String]
    @Flag(help: "Rapport lisible par une machine (JSON).") var json = false
    @Flag(help: "Rejeter tout fichier dont une ligne est invalide.") var strict = false
    @Option(help: "Nombre de rejets et d'avertissements détaillés par fichier.") var details = 20

    func run() async throws {
        let db = try await database.open(logger: .cli("maillage.import"))
        let quiet = json
        let result = try await Importer(database: db, strict: strict).run(files.map { URL(fileURLWithPath: $0) }) { message in
            if !quiet { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        }
        try await db.shutdown()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            for outcome in result.files { print(ReportText.describe(outcome, details: details)) }
            print("Fusion : \(result.placesRebuilt) lieux recalculés")
        }
        if result.files.contains(where: { !$0.imported }) { throw ExitCode(2) }
    }
}
