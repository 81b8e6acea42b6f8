import MaillageCore

/// The diagnostic as a single self-contained HTML file: the page of `/diagnostic` with its stylesheet (print styles
/// included) inlined, for `maillage diagnose --format html` and `/diagnostic.html`.
public enum DiagnosticReport {
    /// - Parameter siteURL: where the site runs (e.g. `https://maillage.example.fr/`); links to places and communes
    ///   resolve against it. Without it they stay relative.
    public static func standaloneHTML(_ diagnostic: Diagnostic, index: PlaceIndex, siteURL: String? = nil) async throws -> String {
        let renderer = try await PageRenderer.load()
        let need = Need.service(.aideDemarchesAdministratives)
        var page = DiagnosticPage(
            diagnostic: diagnostic, selected: need, perimeterItems: perimeterItems(diagnostic.perimeter), index: index,
            placement: PlacementRequest(need: need, parameters: diagnostic.parameters))
        page.standalone = .init(stylesheet: renderer.stylesheet, baseURL: siteURL)
        return renderer.render(page, for: Visitor()).html
    }

    /// The query items that name a perimeter in the site's URLs.
    static func perimeterItems(_ perimeter: Perimeter) -> [(String, String)] {
        if let epci = perimeter.epci { return [("epci", epci.rawValue)] }
        return [("communes", perimeter.communes.map(\.rawValue).joined(separator: ","))]
    }
}
