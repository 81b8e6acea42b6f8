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
    @Option(help: "Adresse publique du site derrière un proxy HTTPS (ex. https://maillage.example.fr) : cookies Secure, HSTS, origine des formulaires.")
    var publicURL: String?
    @Option(help: "Site autorisé à afficher les pages publiques dans un cadre (répétable).") var embedOrigin: [String] = []
    @Option(help: "Nom affiché en tête du site (par défaut : le nom de l'EPCI présenté).") var siteName: String?
    @Option(help: "Éditeur du site et directeur de la publication, pour les mentions légales (ex. « Réseau des Hubs, Jeanne Martin »).")
    var publisher: String?
    @Option(help: "Adresse e-mail de contact affichée sur le site.") var contact: String?
    @Option(help: "Hébergeur du serveur, pour les mentions légales (nom et adresse).") var host: String?
    @Option(help: "Logo du territoire ou du réseau affiché en tête du site (fichier PNG, JPEG, WebP ou SVG, 256 Kio au plus).") var logo: String?
    @Option(help: "Dossier où écrire une sauvegarde de la base au démarrage puis toutes les 24 h.") var backupDir: String?
    @Option(help: "Nombre de sauvegardes gardées dans --backup-dir (les plus récentes).") var backupKeep = 7

    func run() async throws {
        let logger = Logger.cli("maillage", default: .info)
        guard let focus = Siren(territory) else { throw ValidationError("--territory attend un SIREN de 9 chiffres") }
        let site = try publicURL.map { text in
            guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                throw ValidationError("--public-url attend une adresse comme https://maillage.example.fr")
            }
            return url
        }
        for (flag, value, limit) in [("--site-name", siteName, 120), ("--publisher", publisher, 300), ("--contact", contact, 254), ("--host", host, 300)] {
            if let value, value.isEmpty || value.count > limit { throw ValidationError("\(flag) attend un texte de 1 à \(limit) caractères") }
        }
        if let contact, !contact.contains("@") { throw ValidationError("--contact attend une adresse e-mail") }
        let siteLogo = try logo.map { path -> SiteIdentity.Logo in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--logo : fichier illisible : \(path)") }
            do { return try SiteIdentity.Logo(bytes: Array(data)) } catch let error as SiteIdentity.LogoError { throw ValidationError("--logo \(path) : il faut \(error.reason)") }
        }
        guard (1...365).contains(backupKeep) else { throw ValidationError("--backup-keep : de 1 à 365 sauvegardes") }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var configuration = AppConfiguration(hostname: hostname, port: port, database: database.configuration,
                                             seedPack: pack.map { URL(fileURLWithPath: $0) } ?? BundledPack.caph, focusTerritory: focus,
                                             metricsRegistry: registry, migrateAtStart: database.migratesOnOpen, publicURL: site,
                                             embeddingOrigins: embedOrigin,
                                             identity: SiteIdentity(name: siteName, publisher: publisher, contact: contact, host: host, logo: siteLogo))
        configuration.backupSchedule = backupDir.map { BackupSchedule(directory: $0, keep: backupKeep) }
        let app: any ApplicationProtocol
        do {
            app = try await buildApplication(configuration, logger: logger)
        } catch {
            // `buildApplication` logged the real cause; a database error's own description says nothing.
            throw ExitCode.failure
        }
        try await app.runService()
    }
}
