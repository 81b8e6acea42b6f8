import MaillageCore

/// `/territoires/:siren`: an EPCI's communes and how many places offer each service.
struct TerritoryPage: PageModel {
    struct ServiceRow {
        var service: String
        var count: String
        var isMissing: Bool
    }

    let template = TemplateName.territory
    var title: String
    var name: String
    var siren: String
    var population: String
    var headline: String
    var communes: [CommunePlacesRow]
    var services: [ServiceRow]
    var neighbours: [HomePage.Neighbour]
    var map: String?
    var diagnosticURL: String
    var structuresURL: String
    var missingURL: String
    var exportCSV: String
    var exportJSON: String

    init(epci: EPCI, index: PlaceIndex) {
        let territory = index.territory
        let members = territory.members(of: epci.siren)
        title = "\(epci.name) — Maillage"
        name = epci.name
        siren = epci.siren.rawValue
        diagnosticURL = SiteURL.diagnostic.path(query: [("epci", epci.siren.rawValue)])
        structuresURL = SiteURL.structures.path(query: [("territoire", epci.siren.rawValue)])
        missingURL = SiteURL.missingPlaces.path(query: [("territoire", epci.siren.rawValue)])
        exportCSV = SiteURL.territoryPlacesCSV(.value(epci.siren)).path
        exportJSON = SiteURL.territoryPlacesJSON(.value(epci.siren)).path
        population = French.integer(members.reduce(0) { $0 + $1.population })
        let (rows, total) = CommunePlacesRow.rows(of: members, index: index)
        communes = rows
        headline = CommunePlacesRow.headline(total)
        let counts = index.serviceCounts(in: Set(epci.members))
        services = Service.allCases.map {
            ServiceRow(service: $0.rawValue, count: French.integer(counts[$0] ?? 0), isMissing: (counts[$0] ?? 0) == 0)
        }
        neighbours = territory.neighbouringEPCIs(of: epci.siren).map(HomePage.Neighbour.init)
        let markers = members.flatMap { index.entries(in: $0.code) }.compactMap { entry in
            entry.place.coordinate.map { SVGMap.Marker(point: $0, label: "", title: entry.place.nom, style: .match) }
        }
        map = SVGMap(
            title: "Carte de \(epci.name)", description: "\(members.count) communes et \(markers.count) lieux",
            communes: members, markers: markers, labelled: SVGMap.names(among: members)
        ).render()
    }
}
