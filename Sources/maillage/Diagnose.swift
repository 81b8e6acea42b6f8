import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources
import MaillageWeb

/// `maillage diagnose`: the territorial diagnostic of an EPCI, a list of communes, a département, a région or France.
struct Diagnose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Calcule le diagnostic territorial d'un EPCI, d'une liste de communes, d'un département, d'une région ou de la France "
            + "(HTML autonome, JSON, CSV, CSV Excel, GeoJSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, json, csv, csvExcel = "csv-excel", geojson }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "SIREN de l'EPCI (par défaut : CAPH).") var territory: String?
    @Option(help: "Codes INSEE séparés par des virgules, ex. 59526,59172,59491.") var communes: String?
    @Option(help: "Code d'un département, ex. 59.") var departement: String?
    @Option(help: "Code INSEE d'une région, ex. 32 (Hauts-de-France).") var region: String?
    @Flag(help: "Toutes les communes de la base.") var france = false
    @Option(help: "html (rapport autonome, imprimable), json, csv, csv-excel ou geojson.") var format: Format = .json
    @Option(help: "Adresse du site Maillage, pour que les liens du rapport HTML y mènent (ex. https://maillage.example.fr/).")
    var siteURL: String?
    @Option(help: "Fichier de sortie (par défaut : la sortie standard).") var out: String?

    func run() async throws {
        let db = try await database.open(logger: .cli("maillage.diagnose"))
        let (places, reference) = try await db.placesAndTerritory()
        let index = PlaceIndex(places: places, territory: reference)
        try await db.shutdown()
        let request = Perimeter.Request(communes: communes, epci: territory, departement: departement, region: region, france: france)
        let perimeter: Perimeter
        do {
            perimeter = try request.resolve(in: index.territory, default: .caph, maxCommunes: 50_000, names: true)
        } catch {
            throw ValidationError("--\(error.parameter == "epci" ? "territory" : error.parameter) : \(error.message)")
        }
        let diagnostic = Diagnostic.compute(perimeter: perimeter, index: index)
        let output =
            try out.map { path -> FileHandle in
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw ValidationError("--out : impossible d'écrire \(path)")
                }
                return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            } ?? FileHandle.standardOutput
        switch format {
        case .html: output.write(Data(try await DiagnosticReport.standaloneHTML(diagnostic, index: index, siteURL: siteURL).utf8))
        case .json: output.write(DiagnosticDocument(diagnostic).json())
        case .csv, .csvExcel:
            for chunk in DiagnosticCSVWriter.chunks(diagnostic, dialect: format == .csv ? .standard : .excel) { output.write(Data(chunk)) }
        case .geojson: output.write(DiagnosticGeoJSONWriter.write(diagnostic))
        }
        if let out {
            try output.close()
            FileHandle.standardError.write(Data("Diagnostic de \(perimeter.name) (\(diagnostic.rows.count) communes) écrit dans \(out)\n".utf8))
        }
    }
}
