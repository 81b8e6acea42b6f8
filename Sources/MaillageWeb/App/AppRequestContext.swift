import Foundation
import Hummingbird

/// The request context of Maillage: JSON in snake_case, as the national standard names its fields.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Who is asking: set by ``SessionMiddleware`` from the session cookie.
    var visitor = Visitor()

    /// The client's IP address (what the throttles and caps by address count by), when the connection has one: the
    /// connection's peer, or what a trusted proxy says it forwarded for (``TrustedProxyMiddleware``).
    var clientAddress: String?
    /// Whether the request came through a proxy the operator trusts (then `clientAddress` is the one it forwarded for).
    var throughTrustedProxy = false

    init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    var responseEncoder: JSONEncoder { Self.jsonEncoder }

    /// One encoder for every response (its configuration never changes); keys sorted, so that the same data gives the
    /// same bytes (and the same `ETag`).
    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
}
