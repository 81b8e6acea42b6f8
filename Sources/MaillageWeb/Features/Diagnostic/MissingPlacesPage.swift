import MaillageCore

/// `/lieux-manquants` and `/lieux-manquants/nouveau`: the register of the places a territory lacks, and its form.
struct MissingPlacesPage: PageModel {
    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Item {
        var number: Int
        var place: String
        var services: String
        var publics: String
        var needs: String
        var justification: String
        var origin: String
        var status: String
        var priority: Int
        var supporters: String
        /// Who proposed it: for the territory's coordinators only, who follow the register (the privacy page says so).
        var author: String?
        var openedURL: String?
        var supportURL: String
        var updateURL: String
        var statuses: [Choice]
        var priorities: [Choice]
        var placeID: String
    }

    let template = TemplateName.missingPlaces
    /// The forms' field names.
    let fields = MissingPlaceFormField.names
    var title: String
    var territoryName: String
    var territory: String
    var items: [Item]
    var hasItems: Bool
    var canPropose: Bool
    var canDecide: Bool
    var newURL: String
    var action: String
    var showsForm: Bool
    var communes: [Choice]
    var services: [Choice]
    var publics: [Choice]
    var needs: [Choice]
    var origins: [Choice]
    var justification: String
    var errors: [String]
    var hasErrors: Bool

    init(
        register: [MissingPlace], siren: Siren, index: PlaceIndex, canPropose: Bool, canDecide: Bool, showsForm: Bool,
        draft: MissingPlace? = nil, errors: [String] = []
    ) {
        let territory = index.territory
        territoryName = territory.epcis[siren]?.name ?? siren.rawValue
        title = "Lieux manquants — \(territoryName) — Maillage"
        self.territory = siren.rawValue
        items = register.map { missing in
            Item(
                number: missing.id,
                place: missing.commune.flatMap { territory.commune($0)?.name } ?? missing.qpv.flatMap { territory.qpvs[$0]?.communeNames }
                    ?? "Territoire",
                services: missing.services.map(\.rawValue).joined(separator: " · "),
                publics: missing.publics.map(\.rawValue).joined(separator: " · "),
                needs: missing.needs.map(\.label).joined(separator: " · "), justification: missing.justification, origin: missing.origin.label,
                status: missing.status.label, priority: missing.priority, supporters: French.count(missing.supporters, "soutien", "soutiens"),
                author: canDecide ? missing.author.label : nil,
                openedURL: missing.placeID.map { SiteURL.place(.value($0)).path },
                supportURL: SiteURL.supportMissingPlace(.value("\(missing.id)")).path,
                updateURL: SiteURL.updateMissingPlace(.value("\(missing.id)")).path,
                statuses: MissingPlaceStatus.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == missing.status) },
                priorities: (1...3).map { Choice(value: "\($0)", label: ["haute", "moyenne", "basse"][$0 - 1], selected: $0 == missing.priority) },
                placeID: missing.placeID ?? "")
        }
        hasItems = !items.isEmpty
        self.canPropose = canPropose
        self.canDecide = canDecide
        newURL = SiteURL.newMissingPlace.path(query: [("territoire", siren.rawValue)])
        action = SiteURL.missingPlaces.path
        self.showsForm = showsForm
        let members = territory.epcis[siren]?.members.compactMap(territory.commune) ?? []
        communes = members.sorted { $0.name < $1.name }.map { Choice(value: $0.code.rawValue, label: $0.name, selected: $0.code == draft?.commune) }
        services = Service.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: draft?.services.contains($0) ?? false) }
        publics = TargetPublic.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: draft?.publics.contains($0) ?? false) }
        needs = MissingPlace.Need.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: draft?.needs.contains($0) ?? false) }
        origins = MissingPlace.Origin.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == (draft?.origin ?? .byHand)) }
        justification = draft?.justification ?? ""
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
