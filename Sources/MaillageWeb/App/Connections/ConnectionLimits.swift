import Foundation

/// How many connections the server keeps open and how long it waits for a client, enforced for every connection
/// (pages, API, event streams) before any route sees the request; and how many requests are worked on at once.
public struct ConnectionLimits: Sendable, Equatable {
    /// Open connections in all; beyond, a new connection gets a `503` and is closed.
    public var maxConnections: Int
    /// Open connections from one IP address (behind a proxy, the proxy's address); beyond, a `503`.
    public var maxConnectionsPerAddress: Int
    /// Time allowed for a request head (line and headers) to arrive complete once the connection opens.
    public var headerTimeout: Duration
    /// Time allowed for a request body to arrive complete once its head has; beyond, a `408`.
    public var bodyTimeout: Duration
    /// Time a kept-alive connection may wait for its next request.
    public var idleTimeout: Duration
    /// Requests worked on at once (`/health` and `/metrics` aside); the others wait their turn, first come first served.
    public var maxRequestsInFlight: Int
    /// Requests waiting for their turn; beyond, a `503` with `Retry-After`.
    public var maxRequestsWaiting: Int
    /// How long a request waits for its turn; beyond, a `503` with `Retry-After`.
    public var requestWaitTimeout: Duration

    /// Descriptors kept for everything but client connections: the database, files read, libdispatch, logs.
    static let reservedDescriptors = 256
    /// What `Retry-After` asks a refused client to wait, in seconds.
    static let retryAfterSeconds = 5

    public init(
        maxConnections: Int = 2_048, maxConnectionsPerAddress: Int = 256, headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(30),
        maxRequestsInFlight: Int = 2 * ProcessInfo.processInfo.activeProcessorCount, maxRequestsWaiting: Int = 1_000,
        requestWaitTimeout: Duration = .seconds(30)
    ) {
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxRequestsInFlight = maxRequestsInFlight
        self.maxRequestsWaiting = maxRequestsWaiting
        self.requestWaitTimeout = requestWaitTimeout
    }

    /// What is wrong with these limits, in French, or nil when they hold together.
    public var problem: String? {
        if maxConnections < 1 { return "le nombre maximal de connexions doit être au moins 1" }
        if maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections {
            return "le nombre maximal de connexions par adresse doit être entre 1 et le nombre maximal de connexions (\(maxConnections))"
        }
        if maxRequestsInFlight < 1 { return "le nombre maximal de requêtes traitées à la fois doit être au moins 1" }
        if maxRequestsWaiting < 0 { return "le nombre maximal de requêtes en attente ne peut pas être négatif" }
        for (name, value) in [
            ("d'en-têtes", headerTimeout), ("de corps", bodyTimeout), ("d'inactivité", idleTimeout),
            ("d'attente d'une requête", requestWaitTimeout)
        ]
        where value < .seconds(1) || value > .seconds(3_600) {
            return "le délai \(name) doit être entre 1 et 3600 secondes"
        }
        return nil
    }

    /// How many connections the listening socket accepts at most, refused ones included while they get their `503`:
    /// beyond, new connections wait in the kernel's backlog instead of taking a descriptor.
    var acceptCeiling: Int { maxConnections + maxConnections / 2 }

    /// These limits fitted to `descriptors` (the process's open-file limit): the caps are lowered, keeping
    /// ``reservedDescriptors`` and room to refuse, when the accept ceiling would exceed it. Nil when nothing changes.
    func fitted(toDescriptors descriptors: Int) -> ConnectionLimits? {
        let available = max(descriptors - Self.reservedDescriptors, 3)
        guard acceptCeiling > available else { return nil }
        var lowered = self
        lowered.maxConnections = max(available * 2 / 3, 1)
        lowered.maxConnectionsPerAddress = min(maxConnectionsPerAddress, lowered.maxConnections)
        return lowered
    }
}
