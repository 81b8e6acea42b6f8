import MaillageCore

/// `/structures`: the actors of a territory's network, by kind.
struct StructuresPage: PageModel {
    struct Row {
        var name: String
        var url: String
        var kind: String
        var places: Int
        var communes: String
    }

    let template = TemplateName.structures
    var title: String
    var territoryName: String
    var rows: [Row]
    var count: String

    init(structures: [Structure], territoryName: String, territory: TerritoryData) {
        title = "Structures du réseau — \(territoryName) — Maillage"
        self.territoryName = territoryName
        rows = structures.map { structure in
            Row(
                name: structure.name, url: SiteURL.structure(.value(structure.id)).path, kind: structure.kind.label, places: structure.placeIDs.count,
                communes: structure.communes.compactMap { territory.commune($0)?.name }.joined(separator: ", "))
        }
        count = French.integer(rows.count)
    }
}

/// `/structures/:id`: who does what, where, for whom; and, for its members and the coordinators, its completion form.
struct StructurePage: PageModel {
    struct PlaceRow {
        var name: String
        var url: String
        var address: String
        var services: String
        var publics: String
        var hours: String
        var declareURL: String?
    }

    struct Partner {
        var sentence: String
        var partner: String
        var partnerURL: String
        var state: String
    }

    struct KindOption {
        var value: String
        var label: String
        var selected: Bool
    }

    let template = TemplateName.structure
    /// The form's field names.
    let fields = StructureFormField.names
    var title: String
    var name: String
    var kind: String
    var identifier: String?
    var email: String?
    var phone: String?
    var communes: String
    var places: [PlaceRow]
    var canEdit: Bool
    var action: String
    var kinds: [KindOption]
    var communeCodes: String
    var isCompleted: Bool
    var errors: [String]
    var hasErrors: Bool
    var partners: [Partner]
    var hasPartners: Bool
    var partnershipsURL: String?

    init(
        structure: Structure, index: PlaceIndex, canEdit: Bool, errors: [String] = [], partnerships: [Partnership] = [],
        directory: StructureDirectory? = nil
    ) {
        title = "\(structure.name) — Maillage"
        name = structure.name
        kind = structure.kind.label
        identifier = structure.identifier
        email = structure.contactEmail
        phone = structure.contactPhone.map(PlacePage.frenchPhone)
        communes = structure.communes.compactMap { index.territory.commune($0)?.name }.joined(separator: ", ")
        places = structure.placeIDs.compactMap(index.entry(id:)).map { entry in
            let place = entry.place
            return PlaceRow(
                name: place.nom, url: SiteURL.place(.value(place.id)).path, address: place.postalAddress,
                services: place.services.map(\.rawValue).joined(separator: " · "),
                publics: place.publicsSpecifiquementAdresses.isEmpty
                    ? "Tout public" : place.publicsSpecifiquementAdresses.map(\.rawValue).joined(separator: " · "),
                hours: entry.schedule.map {
                    $0.frenchWeek.filter { $0.hours != "fermé" }.map { "\($0.day.frenchName) \($0.hours)" }.joined(separator: " ; ")
                } ?? "non renseignés",
                declareURL: canEdit ? SiteURL.declarePlace(.value(place.id)).path : nil)
        }
        self.canEdit = canEdit
        action = SiteURL.structure(.value(structure.id)).path
        kinds = StructureKind.allCases.map { KindOption(value: $0.rawValue, label: $0.label, selected: $0 == structure.kind) }
        communeCodes = structure.communes.map(\.rawValue).joined(separator: " ")
        isCompleted = structure.isCompleted
        self.errors = errors
        hasErrors = !errors.isEmpty
        // Each link read from this structure's side: « oriente vers », or « reçoit de » when the other declared it.
        partners = partnerships.map { link in
            let outgoing = link.from == structure.id
            let other = outgoing ? link.to : link.from
            return Partner(
                sentence: outgoing ? link.kind.label : "\(link.kind.label) (déclaré par le partenaire) :",
                partner: directory?[other]?.name ?? other, partnerURL: SiteURL.structure(.value(other)).path,
                state: link.state.label.lowercased() + (link.confirmed ? ", confirmé" : ", à confirmer"))
        }
        hasPartners = !partners.isEmpty
        partnershipsURL = structure.territory.map { SiteURL.partnerships.path(query: [("territoire", $0.rawValue), ("de", structure.id)]) }
    }
}

extension StructurePage {
    var breadcrumbParents: [Breadcrumb] { [Breadcrumb(label: "Structures du réseau", url: SiteURL.structures.path)] }
}
