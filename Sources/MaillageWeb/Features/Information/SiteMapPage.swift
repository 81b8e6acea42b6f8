import MaillageCore

/// `/plan-du-site`: every page a visitor can reach, and the communes of the territory presented.
struct SiteMapPage: PageModel {
    struct Link {
        var label: String
        var url: String
    }

    let template = TemplateName.siteMap
    let title = "Plan du site — Maillage"
    var territory: Link?
    var communes: [Link]

    init(index: PlaceIndex, focus: Siren) {
        let epci = index.territory.epcis[focus]
        territory = epci.map { Link(label: $0.name, url: SiteURL.territory(.value($0.siren)).path) }
        communes = index.territory.members(of: focus).map { Link(label: $0.name, url: SiteURL.commune(.value($0.code)).path) }
    }
}
