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
    @Option(
        help: "Adresse publique du site derrière un proxy HTTPS (ex. https://maillage.example.fr) : cookies Secure, HSTS, origine des formulaires.")
    var publicURL: String?
    @Option(help: "Site autorisé à afficher les pages publiques dans un cadre (répétable).") var embedOrigin: [String] = []
    @Option(help: "Nom affiché en tête du site (par défaut : le nom de l'EPCI présenté).") var siteName: String?
    @Option(help: "Éditeur du site et directeur de la publication, pour les mentions légales (ex. « Réseau des Hubs, Jeanne Martin »).")
    var publisher: String?
    @Option(help: "Adresse e-mail de contact affichée sur le site.") var contact: String?
    @Option(help: "Hébergeur du serveur, pour les mentions légales (nom et adresse).") var host: String?
    @Option(help: "Fils de calcul des mots de passe (bcrypt) ; par défaut : le nombre de cœurs moins un, au moins 1.")
    var passwordThreads = HashingPool.defaultThreads
    @Option(help: "Vérifications de mot de passe en attente au plus ; au-delà, une connexion reçoit un 429 (réessayer).")
    var passwordQueue = HashingPool.defaultQueueLimit
    @Option(
        help:
            "Jeton (16 caractères au moins) qui ouvre /metrics à un collecteur d'une autre machine (Authorization: Bearer …) ; sans lui, seule la machine les lit. Aussi MAILLAGE_METRICS_TOKEN, invisible dans la liste des processus."
    )
    var metricsToken: String?
    @Option(help: "Logo du territoire ou du réseau affiché en tête du site (fichier PNG, JPEG, WebP ou SVG, 256 Kio au plus).") var logo: String?
    @Option(help: "Connexions ouvertes au plus, en tout (au-delà : 503).") var maxConnections = ConnectionLimits().maxConnections
    @Option(help: "Connexions ouvertes au plus depuis une même adresse IP (derrière un proxy : l'adresse du proxy).")
    var maxConnectionsPerAddress = ConnectionLimits().maxConnectionsPerAddress
    @Option(help: "Secondes accordées à un client pour envoyer les en-têtes de sa requête.") var headerTimeout = ConnectionLimits().headerTimeout
        .components.seconds
    @Option(help: "Secondes accordées à un client pour envoyer le corps de sa requête (au-delà : 408).") var bodyTimeout = ConnectionLimits()
        .bodyTimeout.components.seconds
    @Option(help: "Secondes pendant lesquelles une connexion inactive reste ouverte, ou un client qui ne lit plus la réponse.") var idleTimeout =
        ConnectionLimits().idleTimeout.components.seconds
    @Option(help: "Requêtes traitées à la fois (hors /health et /metrics) ; les autres attendent leur tour (par défaut : 2 par processeur).")
    var maxRequestsInFlight = ConnectionLimits().maxRequestsInFlight
    @Option(help: "Requêtes qui attendent leur tour au plus (au-delà : 503).") var maxRequestsWaiting = ConnectionLimits().maxRequestsWaiting
    @Option(help: "Secondes qu'une requête attend son tour au plus (au-delà : 503).") var requestWaitTimeout = ConnectionLimits().requestWaitTimeout
        .components.seconds
    @Option(
        help:
            "Adresse IP d'un proxy inverse dont l'en-tête X-Forwarded-For désigne le client (répétable) ; les limites par adresse comptent alors le client, non le proxy."
    )
    var trustedProxy: [String] = []
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
        for (flag, value, limit) in [
            ("--site-name", siteName, 120), ("--publisher", publisher, 300), ("--contact", contact, 254), ("--host", host, 300)
        ] {
            if let value, value.isEmpty || value.count > limit { throw ValidationError("\(flag) attend un texte de 1 à \(limit) caractères") }
        }
        guard (1...64).contains(passwordThreads), (0...10_000).contains(passwordQueue) else {
            throw ValidationError("--password-threads attend 1 à 64 fils, --password-queue 0 à 10000 vérifications")
        }
        if let contact, !contact.contains("@") { throw ValidationError("--contact attend une adresse e-mail") }
        let siteLogo = try logo.map { path -> SiteIdentity.Logo in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--logo : fichier illisible : \(path)") }
            do { return try SiteIdentity.Logo(bytes: Array(data)) } catch let error as SiteIdentity.LogoError {
                throw ValidationError("--logo \(path) : il faut \(error.reason)")
            }
        }
        let limits = ConnectionLimits(
            maxConnections: maxConnections, maxConnectionsPerAddress: maxConnectionsPerAddress,
            headerTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout), idleTimeout: .seconds(idleTimeout),
            maxRequestsInFlight: maxRequestsInFlight, maxRequestsWaiting: maxRequestsWaiting,
            requestWaitTimeout: .seconds(requestWaitTimeout))
        if let problem = limits.problem { throw ValidationError("Limites de connexion : \(problem)") }
        let token = metricsToken ?? ProcessInfo.processInfo.environment["MAILLAGE_METRICS_TOKEN"]
        if let token, token.count < 16 || token.contains(where: \.isWhitespace) {
            throw ValidationError("--metrics-token attend un jeton de 16 caractères au moins, sans espace")
        }
        if let wrong = trustedProxy.first(where: { !AppConfiguration.isIPAddress($0) }) {
            throw ValidationError("--trusted-proxy attend une adresse IP (ex. 127.0.0.1) : « \(wrong) »")
        }
        guard (1...365).contains(backupKeep) else { throw ValidationError("--backup-keep : de 1 à 365 sauvegardes") }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var configuration = AppConfiguration(
            hostname: hostname, port: port, database: database.configuration,
            seedPack: pack.map { URL(fileURLWithPath: $0) } ?? BundledPack.caph, focusTerritory: focus,
            metricsRegistry: registry, migrateAtStart: database.migratesOnOpen, publicURL: site, embeddingOrigins: embedOrigin,
            identity: SiteIdentity(name: siteName, publisher: publisher, contact: contact, host: host, logo: siteLogo),
            connectionLimits: limits, passwordThreads: passwordThreads, passwordQueueLimit: passwordQueue)
        configuration.metricsToken = token
        configuration.trustedProxies = Set(trustedProxy)
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
