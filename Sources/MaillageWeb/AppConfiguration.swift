import Foundation
import MaillageCore
import MaillageStorage
import Prometheus

/// Everything `buildApplication` needs, with the defaults of the embedded demo.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var database: DatabaseConfiguration
    /// A territory pack loaded when the database holds no territory yet (the demo on first start).
    public var seedPack: URL?
    /// The EPCI the home page presents.
    public var focusTerritory: Siren
    /// Where `/metrics` reads from; nil disables the endpoint.
    public var metricsRegistry: PrometheusCollectorRegistry?
    /// Whether start-up applies pending migrations; otherwise it refuses an out-of-date schema. By default only for the
    /// embedded SQLite database (one instance); PostgreSQL, shared by several instances, is migrated by `maillage migrate`.
    public var migrateAtStart: Bool
    /// How often the instance checks whether the stored data changed (its own writes or another instance's).
    public var refreshInterval: Duration

    public init(hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseConfiguration = .sqlite(path: "maillage-data/maillage.sqlite"),
                seedPack: URL? = nil, focusTerritory: Siren = .caph, metricsRegistry: PrometheusCollectorRegistry? = nil,
                migrateAtStart: Bool? = nil, refreshInterval: Duration = .seconds(1)) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.seedPack = seedPack
        self.focusTerritory = focusTerritory
        self.metricsRegistry = metricsRegistry
        self.migrateAtStart = migrateAtStart ?? database.migratesAtStartByDefault
        self.refreshInterval = refreshInterval
    }
}
