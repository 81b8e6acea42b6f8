import Hummingbird

/// `/style.css`: the site's stylesheet, served from memory (read once with the templates), cached by browsers for a day.
struct AssetController {
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        let stylesheet = ByteBuffer(string: pages.stylesheet)
        router.get(.stylesheet) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=86400"],
                     body: .init(byteBuffer: stylesheet))
        }
    }
}
