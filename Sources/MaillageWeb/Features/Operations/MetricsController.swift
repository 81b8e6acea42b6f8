import HTTPTypes
import Hummingbird
import MaillageStorage
import Prometheus

/// `/metrics`: the Prometheus text exposition of the process's metrics, for the machine's own scraper or the holder of
/// the token (`serve --metrics-token`): served to a loopback client that no proxy forwarded, or to a request carrying
/// `Authorization: Bearer <token>`; anyone else gets the 404 of an unknown page, which does not say the page exists.
/// A 404 too when the server was built without a registry.
struct MetricsController {
    let registry: PrometheusCollectorRegistry?
    /// The SHA-256 of the token, never the token itself; nil when none is configured.
    let tokenHash: String?
    /// Whether a loopback client may read without the token: not on a public site (`--public-url`) unless its proxy
    /// is named (`--trusted-proxy`), since a proxy on the same machine that adds no forwarding header relays the
    /// Internet from loopback.
    let loopbackReads: Bool

    init(registry: PrometheusCollectorRegistry?, token: String?, loopbackReads: Bool = true) {
        self.registry = registry
        tokenHash = token.map(SecretToken.hash)
        self.loopbackReads = loopbackReads
    }

    func register(on router: Router<AppRequestContext>) {
        router.get(.metrics) { request, context -> Response in
            guard let registry, mayRead(request, from: context.throughTrustedProxy ? nil : context.clientAddress) else { throw HTTPError(.notFound) }
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }

    /// The right token (compared as hashes, in constant time), or a direct connection from this machine: a request a
    /// proxy on the same machine relays comes from loopback too, and says so by its forwarding headers.
    func mayRead(_ request: Request, from address: String?) -> Bool {
        if let tokenHash, let sent = Self.bearerToken(request) {
            return FormProtectionMiddleware.constantTimeEqual(SecretToken.hash(sent), tokenHash)
        }
        let forwarded = [HTTPField.Name.forwarded, .xForwardedFor, .xRealIP].contains { request.headers[$0] != nil }
        return loopbackReads && !forwarded && Self.isLoopback(address)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.count > 7, value.prefix(7).lowercased() == "bearer " else { return nil }
        return String(value.dropFirst(7))
    }

    /// 127.0.0.0/8, `::1`, and 127.0.0.0/8 mapped into IPv6.
    static func isLoopback(_ address: String?) -> Bool {
        guard let address else { return false }
        return address == "::1" || address.hasPrefix("127.") || address.lowercased().hasPrefix("::ffff:127.")
    }
}
