import Foundation
import Hummingbird
import MaillageStorage
import Mustache

/// Renders typed page models with the Mustache templates shipped in the module (auto-escaped HTML).
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The site's stylesheet, inlined in standalone reports.
    let stylesheet: String
    /// The workshop board's live refresh (`/atelier.js`), the site's only script.
    let workshopScript: String
    /// The header, navigation and footer's data.
    let shell: SiteShell

    static var templatesDirectory: String { Bundle.module.resourceURL!.appendingPathComponent("Templates").path }
    static var publicDirectory: String { Bundle.module.resourceURL!.appendingPathComponent("Public").path }

    static func load(shell: SiteShell = SiteShell()) async throws -> PageRenderer {
        HTMLEscaping.register()
        return PageRenderer(
            library: try TemplateFolder.library(at: templatesDirectory),
            stylesheet: try String(contentsOfFile: publicDirectory + "/style.css", encoding: .utf8),
            workshopScript: try String(contentsOfFile: publicDirectory + "/workshop.js", encoding: .utf8), shell: shell)
    }

    /// Sees each page rendered in the current task with the tree its template reads: how the template check gets
    /// its samples from the pages the site really renders.
    @TaskLocal static var observer: (@Sendable (any PageModel, [String: Any]) -> Void)?

    /// Renders a page inside the site layout, for a visitor (who is signed in, the token their forms carry).
    func render(_ page: some PageModel, for visitor: Visitor) -> HTML {
        var tree = TemplateTree.make(page) as? [String: Any] ?? [:]
        tree["site"] = SiteLinks.tree
        tree["visitor"] = VisitorView(visitor).tree
        tree["shell"] = shell.tree(for: page)
        Self.observer?(page, tree)
        guard let html = library.render(tree, withTemplate: page.template.rawValue) else {
            return HTML(html: "Gabarit « \(page.template.rawValue) » introuvable", status: .internalServerError)
        }
        return HTML(html: html)
    }

    /// A page with a form, for a visitor who may not have a session: gives them a form token (cookie) first, and keeps
    /// the page out of caches.
    func formPage(_ page: some PageModel, _ request: Request, _ context: AppRequestContext, secureCookies: Bool) throws -> Response {
        var visitor = context.visitor
        let newToken = visitor.csrfToken == nil ? SecretToken.make() : nil
        if let newToken { visitor.csrfToken = newToken }
        var response = try render(page, for: visitor).response(from: request, context: context)
        if let newToken { response.setCookie(Cookies.make(Cookies.form, newToken, secure: secureCookies)) }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
