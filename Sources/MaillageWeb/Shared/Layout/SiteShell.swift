import MaillageCore

/// What every page shows around its content (`{{shell.…}}`): the territory's name, the main navigation with the
/// current section marked, and who runs the site.
struct SiteShell: Sendable {
    private struct Section: Sendable {
        var label: String
        var url: String
        var templates: Set<TemplateName>
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
                    templates: [.search, .place, .commune, .territory, .placeReport, .structures, .structure]),
            Section(label: "Orienter une personne", url: SiteURL.orient.path, templates: [.orient, .sheet, .orientationRules, .referrals]),
            Section(label: "Diagnostic", url: SiteURL.diagnostic.path(query: [("epci", focus.rawValue)]),
                    templates: [.diagnostic, .communeDiagnostic, .missingPlaces, .vigilance]),
            Section(label: "Ateliers", url: SiteURL.personas.path, templates: [.personas, .persona, .personaEdit, .journey, .matrix]),
            Section(label: "Rencontres", url: SiteURL.cycles.path,
                    templates: [.cycles, .cycle, .cycleForm, .meeting, .meetingForm, .board, .join, .meetingReport, .meetingChanges, .partnerships]),
        ]
    }

    /// The tree a page's template reads, its own section marked as current.
    func tree(for page: some PageModel) -> [String: Any] {
        var tree: [String: Any] = [
            "name": name,
            "diagnosticURL": sections[2].url,
            "communeNames": communeNames,
            "navigation": sections.map { section -> [String: Any] in
                ["label": section.label, "url": section.url, "current": section.templates.contains(page.template)]
            },
        ]
        let trail = breadcrumbs(for: page)
        if !trail.isEmpty {
            tree["hasBreadcrumbs"] = true
            tree["breadcrumbs"] = trail.map { crumb -> [String: Any] in
                crumb.url.isEmpty ? ["label": crumb.label] : ["label": crumb.label, "url": crumb.url]
            }
        }
        if let publisher = identity.publisher { tree["publisher"] = publisher }
        if let contact = identity.contact { tree["contact"] = contact; tree["contactURL"] = "mailto:\(contact)" }
        if let host = identity.host { tree["host"] = host }
        if identity.logo != nil { tree["logoURL"] = SiteURL.logo.path }
        return tree
    }

    /// Accueil › the page's section › its parents › the page (named by its title, without an address): empty on the
    /// home page.
    func breadcrumbs(for page: some PageModel) -> [Breadcrumb] {
        guard page.template != .home else { return [] }
        var trail = [Breadcrumb(label: "Accueil", url: SiteURL.home.path)]
        if let section = sections.first(where: { $0.templates.contains(page.template) }) {
            trail.append(Breadcrumb(label: section.label, url: section.url))
        }
        trail += page.breadcrumbParents
        // The title without the site's name, nor the section's when it opens it (« Diagnostic — Raismes » → « Raismes »).
        let siteSuffix = " — Maillage"
        var label = page.title
        if label.hasSuffix(siteSuffix) { label.removeLast(siteSuffix.count) }
        if let section = trail.dropFirst().first?.label, label.hasPrefix(section + " — ") { label.removeFirst(section.count + 3) }
        if trail.last?.label != label { trail.append(Breadcrumb(label: label, url: "")) }
        return trail
    }
}
