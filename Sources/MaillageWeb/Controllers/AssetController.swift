import Hummingbird
import MaillageCore

/// `/style.css`: the site's stylesheet, served from memory (read once with the templates), cached by browsers for a day
/// and revalidated by its `ETag` (``ConditionalGetMiddleware`` answers `304 Not Modified` when it did not change).
struct AssetController {
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let stylesheet = ByteBuffer(string: pages.stylesheet)
        let tag = "\"\(StableHash.hex(pages.stylesheet))\""
        router.get(.stylesheet) { _, _ in
            let headers: HTTPFields = [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=86400", .eTag: tag]
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: stylesheet))
        }
    }
}
