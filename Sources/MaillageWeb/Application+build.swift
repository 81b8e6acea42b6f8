import Foundation
import Prometheus
import Hummingbird
import Logging
import MaillageCore
import MaillageSources
import MaillageStorage

/// The composition root: opens the database (loading the seed pack into an empty one), builds the router and the
/// application. Used by `maillage serve` and by the tests.
public func buildApplication(_ configuration: AppConfiguration, logger: Logger = Logger(label: "maillage")) async throws
    -> some ApplicationProtocol
{
    let database = try await AppDatabase.open(configuration.database, logger: logger)
    do {
        if let pack = configuration.seedPack, try await database.territories.isEmpty() {
            logger.info("Base vide : chargement du paquet de territoire", metadata: ["pack": .string(pack.lastPathComponent)])
            let changes = try await Importer(database: database).load(try TerritoryPack.read(pack))
            logger.info("Paquet chargé", metadata: ["lieux": .stringConvertible(changes.placesRebuilt)])
        }
        // An import interrupted between storing its files and merging them leaves communes pending: merge them now.
        let rebuilt = try await database.places.rebuildPendingBlocks()
        if rebuilt > 0 { logger.info("Fusion en attente terminée", metadata: ["lieux": .stringConvertible(rebuilt)]) }
        let store = try await IndexStore(database: database)
        let state = AppState(database: database, index: store, focus: configuration.focusTerritory, pages: try await PageRenderer.load())
        let router = buildRouter(state: state, metricsRegistry: configuration.metricsRegistry)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Maillage"),
            services: [DatabaseService(database: database), IndexRefreshService(store: store, interval: .seconds(30), logger: logger)],
            logger: logger)
    } catch {
        try? await database.shutdown()
        throw error
    }
}

/// The routes of the site and of the JSON API.
func buildRouter(state: AppState, metricsRegistry: PrometheusCollectorRegistry?) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorPageMiddleware(pages: state.pages))
    router.add(middleware: FileMiddleware(PageRenderer.publicDirectory, searchForIndexHtml: false))
    HomeController(state: state).register(on: router)
    SearchController(state: state).register(on: router)
    DirectoryController(state: state).register(on: router)
    OrientationController(state: state).register(on: router)
    DiagnosticController(state: state).register(on: router)
    PersonaController(state: state).register(on: router)
    HealthController(database: state.database).register(on: router)
    let api = router.group("api/v1")
    PlacesAPIController(state: state).register(on: api)
    SearchAPIController(state: state).register(on: api)
    TerritoryAPIController(state: state).register(on: api)
    DiagnosticAPIController(state: state).register(on: api)
    PersonaAPIController(state: state).register(on: api)
    OpenAPIController().register(on: api)
    if let metricsRegistry { MetricsController(registry: metricsRegistry).register(on: router) }
    return router
}
