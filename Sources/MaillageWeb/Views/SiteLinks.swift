/// The site's fixed links as every template reads them (`{{site.personas}}`): templates receive URLs, never paths.
enum SiteLinks {
    static let tree: [String: String] = [
        "home": SiteURL.home.path,
        "stylesheet": SiteURL.stylesheet.path,
        "search": SiteURL.search.path,
        "orient": SiteURL.orient.path,
        "orientResults": SiteURL.orientResults.path,
        "diagnostic": SiteURL.diagnostic.path,
        "personas": SiteURL.personas.path,
        "newPersona": SiteURL.newPersona.path,
        "workshop": SiteURL.workshop.path,
        "apiPlaces": SiteURL.api(.places).path,
    ]
}
