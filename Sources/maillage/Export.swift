import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources

/// `maillage export`: the places of a territory in the national standard (CSV or JSON) or as GeoJSON.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Exporte les lieux d'un territoire (CSV ou JSON du standard, GeoJSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, geojson }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "SIREN de l'EPCI.") var territory: String
    @Option(help: "csv, json ou geojson.") var format: Format = .csv
    @Option(help: "Fichier de sortie (par défaut : la sortie standard).") var out: String?

    func run() async throws {
        guard let siren = Siren(territory) else { throw ValidationError("--territory attend un SIREN de 9 chiffres") }
        let db = try await database.open(logger: .cli("maillage.export"))
        let data = try await db.territories.load()
        guard let epci = data.epcis[siren] else {
            try await db.shutdown()
            throw ValidationError("EPCI \(siren) absent de la base : importez d'abord le référentiel")
        }
        let places = try await db.places.page(communes: epci.members, limit: Int.max / 2, offset: 0).places.map(\.place)
        try await db.shutdown()
        let bytes: Data =
            switch format {
            case .csv: Data(StandardCSVWriter.write(places).utf8)
            case .json: StandardJSONWriter.write(places)
            case .geojson: GeoJSONWriter.write(places)
            }
        if let out {
            try bytes.write(to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(Data("\(places.count) lieux écrits dans \(out)\n".utf8))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
