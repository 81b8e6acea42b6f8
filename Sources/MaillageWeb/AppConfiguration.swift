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

    public init(hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseConfiguration = .sqlite(path: "maillage-data/maillage.sqlite"),
                seedPack: URL? = nil, focusTerritory: Siren = .caph, metricsRegistry: PrometheusCollectorRegistry? = nil) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.seedPack = seedPack
        self.focusTerritory = focusTerritory
        self.metricsRegistry = metricsRegistry
    }
}
