import MaillageCore

/// The home page: the focus territory at a glance.
struct HomePage: PageModel {
    struct SourceRow {
        var label: String
        var count: String
    }

    struct Neighbour {
        var name: String
        var siren: String
        var url: String

        init(_ epci: EPCI) {
            name = epci.name
            siren = epci.siren.rawValue
            url = SiteURL.territory(.value(epci.siren)).path
        }
    }

    let template = TemplateName.home
    var title: String
    var territoryName: String
    var siren: String
    var population: String
    var communeCount: String
    var headline: String
    var communesWithoutOffer: String?
    var communes: [CommunePlacesRow]
    var sources: [SourceRow]
    var neighbours: [Neighbour]
    var hasNeighbours: Bool
    var territoryURL: String
    var diagnosticURL: String

    init(epci: EPCI, index: PlaceIndex, recordsBySource: [SourceKind: Int]) {
        let members = index.territory.members(of: epci.siren)
        title = "\(epci.name) — Maillage"
        territoryURL = SiteURL.territory(.value(epci.siren)).path
        diagnosticURL = SiteURL.diagnostic.path(query: [("epci", epci.siren.rawValue)])
        territoryName = epci.name
        siren = epci.siren.rawValue
        population = French.integer(members.reduce(0) { $0 + $1.population })
        communeCount = French.count(members.count, "commune", "communes")
        let (rows, total) = CommunePlacesRow.rows(of: members, index: index)
        communes = rows
        headline = CommunePlacesRow.headline(total)
        let withoutOffer = rows.count(where: \.hasNoOffer)
        communesWithoutOffer =
            withoutOffer == 0
            ? nil
            : "\(French.count(withoutOffer, "commune", "communes")) sans aucun lieu qui déclare une offre d'aide au numérique."
        sources = SourceKind.allCases.compactMap { kind in
            recordsBySource[kind].map { SourceRow(label: kind.label, count: French.count($0, "fiche", "fiches")) }
        }
        let neighbours = index.territory.neighbouringEPCIs(of: epci.siren)
        self.neighbours = neighbours.map(Neighbour.init)
        hasNeighbours = !neighbours.isEmpty
    }
}
