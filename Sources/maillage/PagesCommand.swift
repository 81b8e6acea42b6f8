import ArgumentParser
import MaillageWeb

/// `maillage pages`: the addresses the accessibility check opens, as JSON, from the site's own list of routes.
struct PagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Les pages que la vérification d'accessibilité ouvre (JSON), tirées des routes du site.")

    func run() throws { print(try AccessibilityList.json()) }
}
