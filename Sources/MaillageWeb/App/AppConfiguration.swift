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
    /// A bearer token that opens `/metrics` to a scraper on another machine; without it, only a direct loopback client reads them.
    public var metricsToken: String? = nil
    /// IP addresses of the reverse proxies whose `X-Forwarded-For` names the client (`serve --trusted-proxy`); none by default.
    public var trustedProxies: Set<String> = []
    /// Whether start-up applies pending migrations; otherwise it refuses an out-of-date schema. By default only for the
    /// embedded SQLite database (one instance); PostgreSQL, shared by several instances, is migrated by `maillage migrate`.
    public var migrateAtStart: Bool
    /// How often the instance checks whether the stored data changed (its own writes or another instance's).
    public var refreshInterval: Duration
    /// The site's public address when it is served over HTTPS (behind a proxy): cookies are then `Secure`, HSTS is sent,
    /// and a form's `Origin` must be this one.
    public var publicURL: URL?
    /// How long a session lives without activity, and at most.
    public var sessionLifetime: SessionRepository.Lifetime
    /// The bcrypt cost of password hashes (each step doubles the time of a sign-in; at least 12 in production).
    public var passwordCost: UInt8
    /// Sites allowed to show the public pages in a frame (`frame-ancestors`); none by default.
    public var embeddingOrigins: [String]
    /// Who runs the site: its name, publisher, contact and host, shown in the header, the footer and the legal pages.
    public var identity: SiteIdentity
    /// How long a workshop board's event stream stays open before the browser reconnects (which it does by itself).
    public var eventStreamLifetime: Duration
    /// Caps on the workshop's open event streams (in all, per address, per meeting) and how often a meeting is read.
    public var eventStreams: EventStreamLimits
    /// How long after an orientation between structures the person's details are erased.
    public var referralRetention: TimeInterval
    /// Caps on open connections and the time allowed to a client at each step of a request.
    public var connectionLimits: ConnectionLimits
    /// Threads that hash passwords (by default one fewer than the cores, at least one), and how many hashes may wait
    /// for them: beyond, a sign-in gets a `429` at once.
    public var passwordThreads: Int
    public var passwordQueueLimit: Int
    /// A backup of the database written regularly into a directory while the server runs; none by default.
    public var backupSchedule: BackupSchedule?

    /// Whether the site is served over HTTPS.
    var isHTTPS: Bool { publicURL?.scheme == "https" }

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseConfiguration = .sqlite(path: "maillage-data/maillage.sqlite"),
        seedPack: URL? = nil, focusTerritory: Siren = .caph, metricsRegistry: PrometheusCollectorRegistry? = nil,
        migrateAtStart: Bool? = nil, refreshInterval: Duration = .seconds(1), publicURL: URL? = nil,
        sessionLifetime: SessionRepository.Lifetime = .init(), passwordCost: UInt8 = 12, embeddingOrigins: [String] = [],
        identity: SiteIdentity = SiteIdentity(), eventStreamLifetime: Duration = .seconds(300), eventStreams: EventStreamLimits = EventStreamLimits(),
        referralRetention: TimeInterval = Referral.defaultAnonymisation, connectionLimits: ConnectionLimits = ConnectionLimits(),
        passwordThreads: Int = HashingPool.defaultThreads, passwordQueueLimit: Int = HashingPool.defaultQueueLimit
    ) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.seedPack = seedPack
        self.focusTerritory = focusTerritory
        self.metricsRegistry = metricsRegistry
        self.migrateAtStart = migrateAtStart ?? database.migratesAtStartByDefault
        self.refreshInterval = refreshInterval
        self.publicURL = publicURL
        self.sessionLifetime = sessionLifetime
        self.passwordCost = passwordCost
        self.embeddingOrigins = embeddingOrigins
        self.identity = identity
        self.eventStreamLifetime = eventStreamLifetime
        self.eventStreams = eventStreams
        self.referralRetention = referralRetention
        self.connectionLimits = connectionLimits
        self.passwordThreads = passwordThreads
        self.passwordQueueLimit = passwordQueueLimit
    }
}
