/// The site's fixed links as every template reads them (`{{site.personas}}`): templates receive URLs, never paths.
/// Every route without parameters is there, under its ``SiteURL/linkName``.
enum SiteLinks {
    static let tree: [String: String] = Dictionary(
        SiteURL.routes.compactMap { route in route.url.linkName.map { ($0, route.url.path) } },
        uniquingKeysWith: { first, _ in first })
}
