import Foundation
import Hummingbird
import Logging
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import Prometheus

/// The composition root: opens the database (migrating it or checking its schema, loading the seed pack into an empty
/// one), builds each controller with what it needs, the router and the application. Used by `maillage serve` and by
/// the tests.
public func buildApplication(_ configuration: AppConfiguration, logger: Logger = Logger(label: "maillage")) async throws
    -> some ApplicationProtocol
{
    let database = try await AppDatabase.open(configuration.database, logger: logger,
                                              schema: configuration.migrateAtStart ? .migrate : .requireCurrent)
    do {
        if let pack = configuration.seedPack, try await database.territories.isEmpty() {
            logger.info("Base vide : chargement du paquet de territoire", metadata: ["pack": .string(pack.lastPathComponent)])
            let changes = try await Importer(database: database).load(try TerritoryPack.read(pack))
            logger.info("Paquet chargé", metadata: ["lieux": .stringConvertible(changes.placesRebuilt)])
        }
        // An import interrupted between storing its files and merging them leaves communes pending: merge them now.
        let rebuilt = try await Importer(database: database).finishPendingMerge()
        if rebuilt > 0 { logger.info("Fusion en attente terminée", metadata: ["lieux": .stringConvertible(rebuilt)]) }
        let index = try await IndexStore(database: database)
        let pages = try await PageRenderer.load()
        let router = buildRouter(database: database, index: index, pages: pages, focus: configuration.focusTerritory,
                                 metricsRegistry: configuration.metricsRegistry)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Maillage"),
            services: [DatabaseService(database: database),
                       IndexRefreshService(store: index, interval: configuration.refreshInterval, logger: logger)],
            logger: logger)
    } catch {
        try? await database.shutdown()
        throw error
    }
}

/// The routes of the site and of the JSON API, each controller given only what it uses.
func buildRouter(database: AppDatabase, index: IndexStore, pages: PageRenderer, focus: Siren,
                 metricsRegistry: PrometheusCollectorRegistry?) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages))
    HomeController(index: index, places: database.places, focus: focus, pages: pages).register(on: router)
    AssetController(pages: pages).register(on: router)
    SearchController(index: index, focus: focus, pages: pages).register(on: router)
    DirectoryController(index: index, explainer: PlaceExplainer(database: database), pages: pages).register(on: router)
    OrientationController(index: index, focus: focus, pages: pages).register(on: router)
    DiagnosticController(index: index, focus: focus, pages: pages).register(on: router)
    PersonaController(index: index, personas: database.personas, pages: pages).register(on: router)
    HealthController(database: database).register(on: router)
    PlacesAPIController(index: index, places: database.places).register(on: router)
    SearchAPIController(index: index, focus: focus).register(on: router)
    TerritoryAPIController(index: index).register(on: router)
    DiagnosticAPIController(index: index, focus: focus).register(on: router)
    PersonaAPIController(index: index, personas: database.personas).register(on: router)
    OpenAPIController().register(on: router)
    MetricsController(registry: metricsRegistry).register(on: router)
    return router
}
