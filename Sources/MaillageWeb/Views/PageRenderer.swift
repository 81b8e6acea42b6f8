import Foundation
import Mustache

/// Renders typed page models with the Mustache templates shipped in the module (auto-escaped HTML).
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The site's stylesheet, inlined in standalone reports.
    let stylesheet: String

    static var templatesDirectory: String { Bundle.module.resourceURL!.appendingPathComponent("Templates").path }
    static var publicDirectory: String { Bundle.module.resourceURL!.appendingPathComponent("Public").path }

    static func load() async throws -> PageRenderer {
        HTMLEscaping.register()
        return PageRenderer(library: try await MustacheLibrary(directory: templatesDirectory),
                     stylesheet: try String(contentsOfFile: publicDirectory + "/style.css", encoding: .utf8))
    }

    /// Renders a page inside the site layout, for a visitor (who is signed in, the token their forms carry).
    func render(_ page: some PageModel, for visitor: Visitor) -> HTML {
        var tree = TemplateTree.make(page) as? [String: Any] ?? [:]
        tree["site"] = SiteLinks.tree
        tree["visitor"] = VisitorView(visitor).tree
        guard let html = library.render(tree, withTemplate: page.template) else {
            return HTML(html: "Gabarit « \(page.template) » introuvable", status: .internalServerError)
        }
        return HTML(html: html)
    }
}
