import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageWeb

/// `maillage diagnose`: the territorial diagnostic of an EPCI or of a list of communes.
struct Diagnose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Calcule le diagnostic territorial d'un EPCI ou d'une liste de communes (HTML autonome, JSON, CSV, CSV Excel, GeoJSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, json, csv, csvExcel = "csv-excel", geojson }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "SIREN de l'EPCI (par défaut : CAPH).") var territory: String?
    @Option(help: "Codes INSEE séparés par des virgules, ex. 59526,59172,59491.") var communes: String?
    @Option(help: "html (rapport autonome, imprimable), json, csv, csv-excel ou geojson.") var format: Format = .json
    @Option(help: "Adresse du site Maillage, pour que les liens du rapport HTML y mènent (ex. https://maillage.example.fr/).")
    var siteURL: String?
    @Option(help: "Fichier de sortie (par défaut : la sortie standard).") var out: String?

    func run() async throws {
        let db = try await database.open(logger: .cli("maillage.diagnose"))
        let index = PlaceIndex(places: try await db.places.all(), territory: try await db.territories.load())
        try await db.shutdown()
        let perimeter = try perimeter(in: index.territory)
        let diagnostic = Diagnostic.compute(perimeter: perimeter, index: index)
        let bytes: Data = switch format {
        case .html: Data(try await DiagnosticReport.standaloneHTML(diagnostic, index: index, siteURL: siteURL).utf8)
        case .json: DiagnosticDocument(diagnostic).json()
        case .csv: DiagnosticCSVWriter.write(diagnostic)
        case .csvExcel: DiagnosticCSVWriter.write(diagnostic, dialect: .excel)
        case .geojson: DiagnosticGeoJSONWriter.write(diagnostic)
        }
        if let out {
            try bytes.write(to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(Data("Diagnostic de \(perimeter.name) (\(diagnostic.rows.count) communes) écrit dans \(out)\n".utf8))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }

    private func perimeter(in reference: TerritoryData) throws -> Perimeter {
        if let communes { return .communes(try CommuneListOption.parse(communes, in: reference), in: reference) }
        guard let siren = Siren(territory ?? Siren.caph.rawValue), let epci = reference.epcis[siren] else {
            throw ValidationError("--territory : EPCI inconnu de la base (SIREN de 9 chiffres attendu)")
        }
        return .epci(epci)
    }
}
