import Hummingbird
import MaillageCore

/// `/style.css`, `/atelier.js` and `/logo`: the site's stylesheet, the workshop board's script and the configured logo, served from memory, cached by browsers for
/// a day and revalidated by their `ETag` (``ConditionalGetMiddleware`` answers `304 Not Modified` when they did not change).
struct AssetController {
    let pages: PageRenderer
    let logo: SiteIdentity.Logo?

    func register(on router: Router<AppRequestContext>) {
        let stylesheet = Self.asset(ByteBuffer(string: pages.stylesheet), type: "text/css; charset=utf-8")
        router.get(.stylesheet) { _, _ in stylesheet() }
        let script = Self.asset(ByteBuffer(string: pages.workshopScript), type: "text/javascript; charset=utf-8")
        router.get(.workshopScript) { _, _ in script() }
        let logo = self.logo.map { Self.asset(ByteBuffer(bytes: $0.bytes), type: $0.contentType) }
        router.get(.logo) { _, _ in
            guard let logo else { throw HTTPError(.notFound, message: "Aucun logo n'est configuré (option --logo de maillage serve).") }
            return logo()
        }
    }

    /// A response made once per request from bytes held in memory; an SVG is sandboxed so that it can never run script.
    private static func asset(_ body: ByteBuffer, type: String) -> @Sendable () -> Response {
        let tag = "\"\(StableHash.hex(bytes: body.readableBytesView))\""
        var headers: HTTPFields = [.contentType: type, .cacheControl: "public, max-age=86400", .eTag: tag]
        if type == "image/svg+xml" { headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox" }
        let fields = headers
        return { Response(status: .ok, headers: fields, body: .init(byteBuffer: body)) }
    }
}
