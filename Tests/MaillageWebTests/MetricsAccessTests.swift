import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MaillageTestSupport
@testable import MaillageWeb
import Prometheus
import Testing

/// `/metrics` tells how the server is doing (routes, timings, volumes): only the machine itself and the holder of the
/// operator's token read it; anyone else gets the answer of a page that does not exist.
@Suite("Metrics access", .serialized)
struct MetricsAccessTests {
    static let token = "jeton-de-collecte-0123456789"

    static func withServer(
        token: String?, _ mode: TestingSetup, publicURL: URL? = nil, trustedProxies: Set<String> = [],
        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        var logger = Logger(label: "maillage.test")
        logger.logLevel = .warning
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(name: "maillage_essai_total", help: "Un compteur d'essai").increment()
        var configuration = AppConfiguration(
            database: .sqliteInMemory, seedPack: TestData.pack, metricsRegistry: registry, publicURL: publicURL,
            passwordCost: 4)
        configuration.metricsToken = token
        configuration.trustedProxies = trustedProxies
        try await buildApplication(configuration, logger: logger).test(mode, test)
    }

    static func read(_ client: any TestClientProtocol, _ uri: String, _ headers: HTTPFields = [:]) async throws -> (status: Int, body: String) {
        try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status.code, String(buffer: $0.body)) }
    }

    @Test func aClientFromElsewhereGetsTheAnswerOfAnUnknownPageUnlessItHoldsTheToken() async throws {
        // Setup: a server with a token; the test client's requests come from no loopback address
        try await Self.withServer(token: Self.token, .router) { client in
            // Act
            let stranger = try await Self.read(client, "/metrics")
            let unknown = try await Self.read(client, "/metriques")
            let wrong = try await Self.read(client, "/metrics", [.authorization: "Bearer " + Self.token.dropLast() + "x"])
            let prefix = try await Self.read(client, "/metrics", [.authorization: "Bearer " + Self.token.dropLast()])
            let holder = try await Self.read(client, "/metrics", [.authorization: "Bearer " + Self.token])
            // Check: 404 with the body of any unknown page, whatever the wrong token; the token opens it
            #expect(stranger.status == 404 && stranger.body == unknown.body && !stranger.body.contains("maillage_essai_total"))
            #expect(wrong.status == 404 && prefix.status == 404)
            #expect(holder.status == 200 && holder.body.contains("maillage_essai_total"))
        }
    }

    @Test func theMachineItselfReadsThemButNotThroughAProxyAndATokenIsNeverGuessedEmpty() async throws {
        try await Self.withServer(token: nil, .live) { client in
            // Act: a direct loopback connection, the same relayed by a proxy, an empty bearer
            let direct = try await Self.read(client, "/metrics")
            let proxied = try await Self.read(client, "/metrics", [.xForwardedFor: "203.0.113.9"])
            let forwarded = try await Self.read(client, "/metrics", [.forwarded: "for=203.0.113.9"])
            // Check
            #expect(direct.status == 200 && direct.body.contains("maillage_essai_total"))
            #expect(proxied.status == 404 && forwarded.status == 404)
        }
        try await Self.withServer(token: nil, .router) { client in
            let empty = try await Self.read(client, "/metrics", [.authorization: "Bearer "])
            #expect(empty.status == 404)
        }
    }

    @Test func aPublicSiteBehindAProxyThatSaysNothingIsReadWithTheTokenOnlyUnlessItsProxyIsNamed() async throws {
        // Setup: a public site (its proxy on the same machine may relay the Internet from loopback without a header)
        let site = URL(string: "https://maillage.example.fr")!
        try await Self.withServer(token: Self.token, .live, publicURL: site) { client in
            // Act
            let relayed = try await Self.read(client, "/metrics")
            let holder = try await Self.read(client, "/metrics", [.authorization: "Bearer " + Self.token])
            // Check: loopback alone is not enough any more; the token is
            #expect(relayed.status == 404 && holder.status == 200)
        }
        // Setup: the proxy named: what it relays carries the client's address, and the machine itself reads directly
        try await Self.withServer(token: nil, .live, publicURL: site, trustedProxies: ["127.0.0.1", "::1"]) { client in
            let relayed = try await Self.read(client, "/metrics", [.xForwardedFor: "203.0.113.9"])
            let direct = try await Self.read(client, "/metrics")
            #expect(relayed.status == 404 && direct.status == 200)
        }
    }

    @Test func aTrustedProxyNamesTheClientAndNoOneElseCan() {
        #expect(TrustedProxyMiddleware.lastForwardedAddress(["198.51.100.7, 203.0.113.9"]) == "203.0.113.9")
        #expect(TrustedProxyMiddleware.lastForwardedAddress(["198.51.100.7", "2001:db8::1"]) == "2001:db8::1")
        #expect(TrustedProxyMiddleware.lastForwardedAddress(["203.0.113.9:443"]) == nil)
        #expect(TrustedProxyMiddleware.lastForwardedAddress(["pirate.example"]) == nil && TrustedProxyMiddleware.lastForwardedAddress([]) == nil)
        #expect(AppConfiguration.isIPAddress("127.0.0.1") && AppConfiguration.isIPAddress("::1") && !AppConfiguration.isIPAddress("localhost"))
    }
}
