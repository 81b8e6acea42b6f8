import MaillageCore

/// What every page shows around its content (`{{shell.…}}`): the territory's name, the main navigation with the
/// current section marked, and who runs the site.
struct SiteShell: Sendable {
    private struct Section: Sendable {
        var label: String
        var url: String
        var templates: Set<String>
    }

    let name: String
    let identity: SiteIdentity
    private let sections: [Section]
    /// The communes the site covers, suggested as one types a commune (`<datalist>`).
    private let communeNames: [String]

    /// The shell of a site presenting `focus`, named by the configuration or by the territory.
    init(identity: SiteIdentity = SiteIdentity(), territory: TerritoryData? = nil, focus: Siren = .caph) {
        self.identity = identity
        name = identity.name ?? territory?.epcis[focus]?.name ?? "Maillage"
        let covered = territory.map { territory in
            territory.coveredEPCIs(around: focus).flatMap { territory.epcis[$0]?.members ?? [] }
        } ?? []
        communeNames = territory.map { Array(Set($0.communes(sortedByName: covered).map(\.name))).sorted { $0.folded < $1.folded } } ?? []
        sections = [
            Section(label: "Trouver de l'aide", url: SiteURL.search.path,
                    templates: ["search", "place", "commune", "territory", "place-report", "structures", "structure"]),
            Section(label: "Orienter une personne", url: SiteURL.orient.path, templates: ["orient", "sheet"]),
            Section(label: "Diagnostic", url: SiteURL.diagnostic.path(query: [("epci", focus.rawValue)]),
                    templates: ["diagnostic", "commune-diagnostic", "missing-places", "vigilance"]),
            Section(label: "Ateliers", url: SiteURL.personas.path, templates: ["personas", "persona", "persona-edit", "journey", "matrix"]),
        ]
    }

    /// The tree a page's template reads, its own section marked as current.
    func tree(for template: String) -> [String: Any] {
        var tree: [String: Any] = [
            "name": name,
            "diagnosticURL": sections[2].url,
            "communeNames": communeNames,
            "navigation": sections.map { section -> [String: Any] in
                ["label": section.label, "url": section.url, "current": section.templates.contains(template)]
            },
        ]
        if let publisher = identity.publisher { tree["publisher"] = publisher }
        if let contact = identity.contact { tree["contact"] = contact; tree["contactURL"] = "mailto:\(contact)" }
        if let host = identity.host { tree["host"] = host }
        return tree
    }
}
