import Foundation
import Hummingbird

/// Behind a reverse proxy every connection comes from the proxy: the throttles by address, the anonymous error reports'
/// limits and the event streams' per-address cap would count the whole Internet as one client. For a connection from
/// a proxy the operator named (`serve --trusted-proxy`), the client is the address that proxy appended last to
/// `X-Forwarded-For`; from anyone else the header is ignored, so it cannot be forged.
struct TrustedProxyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let proxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Without the header, the connection is the machine's own (a scraper, a health check), not a relayed one.
        let lines = request.headers[values: .xForwardedFor]
        guard let peer = context.clientAddress, proxies.contains(peer), !lines.isEmpty else { return try await next(request, context) }
        var context = context
        context.throughTrustedProxy = true
        if let forwarded = Self.lastForwardedAddress(lines) { context.clientAddress = forwarded }
        return try await next(request, context)
    }

    /// The last address of the `X-Forwarded-For` lines (the one the trusted proxy itself saw), if it is an IP address.
    static func lastForwardedAddress(_ lines: [String]) -> String? {
        guard let last = lines.last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), last.count <= 45 else { return nil }
        return isIPAddress(last) ? last : nil
    }

    /// Whether `text` is an IPv4 or IPv6 address as written (no port, no brackets).
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

extension AppConfiguration {
    /// Whether `text` can name a trusted proxy: an IPv4 or IPv6 address as written.
    public static func isIPAddress(_ text: String) -> Bool { TrustedProxyMiddleware.isIPAddress(text) }
}
