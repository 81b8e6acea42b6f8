import MaillageCore

/// What every page shows around its content (`{{shell.…}}`): the territory's name, the main navigation with the
/// current section marked, the footer's links (all three made from ``SiteURL/page`` and ``SiteURL/footerLabel``), and
/// who runs the site.
struct SiteShell: Sendable {
    private struct Section: Sendable {
        var label: String
        /// What one finds there, in a sentence (`/aide` lists the entries with theirs).
        var summary: String
        var url: String
        var templates: Set<TemplateName>
    }

    let name: String
    let identity: SiteIdentity
    private let sections: [Section]
    private let footer: [[String: String]]
    private let focus: Siren
    /// The communes the site covers, suggested as one types a commune (`<datalist>`).
    private let communeNames: [String]

    /// The shell of a site presenting `focus`, named by the configuration or by the territory.
    init(identity: SiteIdentity = SiteIdentity(), territory: TerritoryData? = nil, focus: Siren = .caph) {
        self.identity = identity
        self.focus = focus
        name = identity.name ?? territory?.epcis[focus]?.name ?? "Maillage"
        let covered =
            territory.map { territory in
                territory.coveredEPCIs(around: focus).flatMap { territory.epcis[$0]?.members ?? [] }
            } ?? []
        communeNames = territory.map { Array(Set($0.communes(sortedByName: covered).map(\.name))).sorted { $0.folded < $1.folded } } ?? []
        sections = SiteURL.navigation.map { entry in
            Section(
                label: entry.entry.label, summary: entry.entry.summary, url: entry.url.navigationPath(focus: focus),
                templates: Set(SiteURL.pageRoutes.compactMap { url in url.page?.section.flatMap { $0.entry == entry.url ? $0.view : nil } }))
        }
        footer = SiteURL.pageRoutes.compactMap { url in url.footerLabel.map { ["label": $0, "url": url.path] } }
    }

    /// The tree a page's template reads, its own section marked as current.
    func tree(for page: some PageModel) -> [String: Any] {
        var tree: [String: Any] = [
            "name": name,
            "diagnosticURL": SiteURL.diagnostic.navigationPath(focus: focus),
            "footer": footer,
            "communeNames": communeNames,
            "navigation": sections.map { section -> [String: Any] in
                ["label": section.label, "summary": section.summary, "url": section.url, "current": section.templates.contains(page.template)]
            }
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
