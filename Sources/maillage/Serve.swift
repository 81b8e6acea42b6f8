import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MaillageCore
import MaillageStorage
import MaillageWeb
import Metrics
import Prometheus

/// `maillage serve`: the web site and the JSON API; an empty database first receives the bundled demo territory.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lance le serveur web (pages et API).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Adresse d'écoute.") var hostname = "127.0.0.1"
    @Option(help: "Port d'écoute.") var port = 8080
    @Option(help: "SIREN de l'EPCI présenté en page d'accueil.") var territory = Siren.caph.rawValue
    @Option(help: "Paquet de territoire chargé dans une base vide (par défaut : le paquet CAPH embarqué).") var pack: String?

    func run() async throws {
        let logger = Logger.cli("maillage", default: .info)
        guard let focus = Siren(territory) else { throw ValidationError("--territory attend un SIREN de 9 chiffres") }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let app = try await buildApplication(
            AppConfiguration(hostname: hostname, port: port, database: database.configuration,
                             seedPack: pack.map { URL(fileURLWithPath: $0) } ?? BundledPack.caph, focusTerritory: focus,
                             metricsRegistry: registry, migrateAtStart: database.migratesOnOpen),
            logger: logger)
        try await app.runService()
    }
}
