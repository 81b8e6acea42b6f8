import Foundation
import Hummingbird
import Logging
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import Prometheus
import ServiceLifecycle

/// The composition root: opens the database (migrating it or checking its schema, loading the seed pack into an empty
/// one), builds each controller with what it needs, the router and the application. Used by `maillage serve` and by
/// the tests.
public func buildApplication(
    _ configuration: AppConfiguration, logger: Logger = Logger(label: "maillage")
) async throws
    -> some ApplicationProtocol
{
    do {
        let database = try await AppDatabase.open(
            configuration.database, logger: logger,
            schema: configuration.migrateAtStart ? .migrate : .requireCurrent)
        return try await buildApplication(configuration, database: database, logger: logger)
    } catch {
        // The real cause (PostgreSQL's message, not PSQLError's generic description) for the operator.
        logger.critical("Démarrage impossible", metadata: ["error": .string(AppDatabase.describe(error))])
        throw error
    }
}

/// The application on a database already open (which it closes when it stops): a test that also writes to the
/// database shares the server's connection instead of opening a second one to the same SQLite file.
public func buildApplication(
    _ configuration: AppConfiguration, database: AppDatabase, logger: Logger = Logger(label: "maillage")
) async throws
    -> some ApplicationProtocol
{
    do {
        // Instances started together on an empty database: the first loads the pack, the others wait and find it loaded.
        if let pack = configuration.seedPack,
            let changes = try await Importer(database: database).loadIntoEmpty({ try TerritoryPack.read(pack) })
        {
            logger.info(
                "Base vide : paquet de territoire chargé",
                metadata: [
                    "pack": .string(pack.lastPathComponent),
                    "lieux": .stringConvertible(changes.placesRebuilt)
                ])
        }
        // An import interrupted between storing its files and merging them leaves communes pending: merge them now.
        let rebuilt = try await Importer(database: database).finishPendingMerge()
        if rebuilt > 0 { logger.info("Fusion en attente terminée", metadata: ["lieux": .stringConvertible(rebuilt)]) }
        let index = try await IndexStore(database: database)
        let pages = try await PageRenderer.load(
            shell: SiteShell(
                identity: configuration.identity, territory: index.current.territory,
                focus: configuration.focusTerritory))
        let hashing = HashingPool(threads: configuration.passwordThreads, queueLimit: configuration.passwordQueueLimit)
        let router = buildRouter(database: database, index: index, pages: pages, configuration: configuration, hashing: hashing)
        let server = BoundedServer(limits: configuration.connectionLimits, logger: logger)
        return Application(
            responder: HeadResponder(inner: router.buildResponder()),
            server: server.builder,
            configuration: .init(
                address: .hostname(configuration.hostname, port: configuration.port), serverName: "Maillage",
                availableConnectionsDelegate: server.acceptCeiling),
            services: [
                DatabaseService(database: database) as any ServiceLifecycle.Service, hashing,
                IndexRefreshService(store: index, interval: configuration.refreshInterval, logger: logger),
                RetentionService(
                    database: database, retention: .init(sessions: configuration.sessionLifetime, referrals: configuration.referralRetention),
                    logger: logger)
            ]
                + (configuration.backupSchedule.map {
                    [
                        BackupService(
                            backup: DatabaseBackup(configuration: configuration.database, logger: logger),
                            schedule: $0, logger: logger)
                    ]
                } ?? []),
            logger: logger)
    } catch {
        try? await database.shutdown()
        throw error
    }
}

/// The routes of the site and of the JSON API, each controller given only what it uses. Middlewares, outermost
/// first: logging, metrics, security headers, a turn to be worked on (bounded requests at once, a bounded queue), gzip, ETags and `304`, errors as pages or JSON, `405` for the methods
/// never served, `400` for an API parameter the OpenAPI document does not list, the session, then the form checks of every state-changing request.
func buildRouter(
    database: AppDatabase, index: IndexStore, pages: PageRenderer, configuration: AppConfiguration,
    hashing: HashingPool
) -> Router<AppRequestContext> {
    let focus = configuration.focusTerritory
    let secure = configuration.isHTTPS
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: TrustedProxyMiddleware(proxies: configuration.trustedProxies))
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(https: secure, embeddingOrigins: configuration.embeddingOrigins))
    let errors = ErrorMiddleware(pages: pages)
    router.add(middleware: RequestAdmissionMiddleware(admission: RequestAdmission(limits: configuration.connectionLimits), errors: errors))
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: ConditionalGetMiddleware())
    router.add(middleware: errors)
    router.add(middleware: MethodMiddleware())
    router.add(middleware: APIParametersMiddleware())
    router.add(
        middleware: SessionMiddleware(
            sessions: database.sessions, accounts: database.accounts, workshop: database.workshop, lifetime: configuration.sessionLifetime,
            secureCookies: secure))
    router.add(middleware: FormProtectionMiddleware(publicOrigin: configuration.publicURL.map(siteOrigin)))
    let gate = AccessGate(policy: AccessPolicy(territoryOfStructure: { id in index.structures[id]?.territory }))
    let hasher = PasswordHasher(cost: configuration.passwordCost, pool: hashing)
    let accountUseCases = AccountUseCases(database: database, hasher: hasher, lifetime: configuration.sessionLifetime, policy: gate.policy)
    // The address pages give of the site itself (reports' links, the sheet's QR code).
    let siteURL = configuration.publicURL.map { siteOrigin($0) + "/" } ?? "http://\(configuration.hostname):\(configuration.port)/"
    HomeController(index: index, places: database.places, focus: focus, pages: pages).register(on: router)
    AssetController(pages: pages, logo: configuration.identity.logo).register(on: router)
    SearchController(index: index, focus: focus, pages: pages).register(on: router)
    DirectoryController(
        index: index, builder: PlaceBuilder(database: database), pages: pages, gate: gate,
        missingPlaces: database.missingPlaces
    ).register(on: router)
    OrientationController(index: index, focus: focus, pages: pages, siteURL: siteURL).register(on: router)
    OrientationRuleController(index: index, rules: database.orientationRules, pages: pages, gate: gate, focus: focus).register(on: router)
    DiagnosticController(
        index: index, focus: focus, pages: pages, missingPlaces: database.missingPlaces, cycles: database.cycles,
        workshop: database.workshop, referrals: database.referrals, siteURL: siteURL
    ).register(on: router)
    PersonaController(index: index, personas: database.personas, pages: pages, gate: gate, focus: focus).register(on: router)
    let secondFactor = SecondFactorCheck(accounts: database.accounts, recoveryCodes: database.recoveryCodes, throttle: database.attemptThrottle)
    AccountController(
        accounts: database.accounts, sessions: database.sessions, declarations: database.declarations,
        recoveryCodes: database.recoveryCodes, throttle: database.attemptThrottle, secondFactor: secondFactor, pages: pages, gate: gate,
        hasher: hasher, secureCookies: secure, index: index, useCases: accountUseCases
    ).register(on: router)
    InvitationController(
        accounts: database.accounts, links: database.links, secondFactor: secondFactor, pages: pages, gate: gate, useCases: accountUseCases,
        check: SecretCheck(throttle: database.attemptThrottle, hasher: hasher), secureCookies: secure, siteURL: siteURL,
        delivery: ShowToSender(), territoryName: { index.current.territory.epcis[$0]?.name }
    ).register(on: router)
    JournalController(audit: database.audit, pages: pages, gate: gate).register(on: router)
    InformationController(
        pages: pages, lifetime: configuration.sessionLifetime, referralRetention: configuration.referralRetention, index: index,
        focus: focus
    ).register(on: router)
    DeclarationController(
        index: index, declarations: database.declarations, throttle: database.attemptThrottle, pages: pages, gate: gate, secureCookies: secure
    ).register(on: router)
    ReviewController(index: index, database: database, review: DeclarationReview(database: database), pages: pages, gate: gate).register(on: router)
    TerritoryOfferController(index: index, declarations: database.declarations, pages: pages, gate: gate).register(on: router)
    StructureController(index: index, structures: database.structures, partnerships: database.partnerships, pages: pages, gate: gate, focus: focus)
        .register(on: router)
    MissingPlaceController(index: index, missingPlaces: database.missingPlaces, pages: pages, gate: gate, focus: focus).register(on: router)
    CycleController(
        index: index, cycles: database.cycles, participants: database.participants, workshop: database.workshop,
        snapshots: database.snapshots, pages: pages, gate: gate, focus: focus
    ).register(on: router)
    WorkshopController(
        index: index, cycles: database.cycles, workshop: database.workshop, missingPlaces: database.missingPlaces, personas: database.personas,
        throttle: database.attemptThrottle, pages: pages, gate: gate, siteURL: siteURL, secureCookies: secure,
        eventStreamLifetime: configuration.eventStreamLifetime,
        watchers: WorkshopWatchers(limits: configuration.eventStreams) { [cycles = database.cycles] in try await cycles.pulse(meetingID: $0) },
        setWorkshopState: SetWorkshopState(database: database)
    ).register(on: router)
    MeetingReportController(
        index: index, cycles: database.cycles, participants: database.participants, workshop: database.workshop,
        snapshots: database.snapshots, personas: database.personas, pages: pages
    ).register(on: router)
    PartnershipController(
        index: index, partnerships: database.partnerships, referrals: database.referrals, cycles: database.cycles,
        personas: database.personas, pages: pages, gate: gate,
        focus: focus
    ).register(on: router)
    ReferralController(index: index, referrals: database.referrals, pages: pages, gate: gate, retention: configuration.referralRetention).register(
        on: router)
    HealthController(database: database).register(on: router)
    PlacesAPIController(index: index, places: database.places).register(on: router)
    SearchAPIController(index: index, focus: focus).register(on: router)
    TerritoryAPIController(index: index).register(on: router)
    DiagnosticAPIController(index: index, focus: focus).register(on: router)
    PersonaAPIController(index: index, personas: database.personas, focus: focus).register(on: router)
    OpenAPIController().register(on: router)
    MetricsController(
        registry: configuration.metricsRegistry, token: configuration.metricsToken,
        loopbackReads: configuration.publicURL == nil || !configuration.trustedProxies.isEmpty
    ).register(on: router)
    return router
}

/// `https://maillage.example.fr` of `https://maillage.example.fr/chemin`: what a browser sends as `Origin`.
func siteOrigin(_ url: URL) -> String {
    "\(url.scheme ?? "https")://\(url.host ?? "")" + (url.port.map { ":\($0)" } ?? "")
}
