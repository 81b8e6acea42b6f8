import MaillageCore

/// The home page: the focus territory at a glance.
struct HomePage: PageModel {
    struct CommuneRow {
        var url: String
        var code: String
        var name: String
        var population: String
        var places: String
        var hasNoPlace: Bool
    }

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

    let template = "home"
    var title: String
    var territoryName: String
    var siren: String
    var population: String
    var communeCount: String
    var placeCount: String
    var communesWithoutPlace: String
    var communes: [CommuneRow]
    var sources: [SourceRow]
    var neighbours: [Neighbour]
    var hasNeighbours: Bool
    var territoryURL: String
    var diagnosticURL: String

    init(epci: EPCI, members: [Commune], placesByCommune: [CommuneCode: Int], recordsBySource: [SourceKind: Int], neighbours: [EPCI]) {
        title = "\(epci.name) — Maillage"
        territoryURL = SiteURL.territory(.value(epci.siren)).path
        diagnosticURL = SiteURL.diagnostic.path(query: [("epci", epci.siren.rawValue)])
        territoryName = epci.name
        siren = epci.siren.rawValue
        population = French.integer(members.reduce(0) { $0 + $1.population })
        communeCount = French.integer(members.count)
        placeCount = French.integer(members.reduce(0) { $0 + (placesByCommune[$1.code] ?? 0) })
        communesWithoutPlace = French.integer(members.filter { (placesByCommune[$0.code] ?? 0) == 0 }.count)
        communes = members.map { commune in
            let count = placesByCommune[commune.code] ?? 0
            return CommuneRow(url: SiteURL.commune(.value(commune.code)).path, code: commune.code.rawValue, name: commune.name, population: French.integer(commune.population),
                              places: French.integer(count), hasNoPlace: count == 0)
        }
        sources = SourceKind.allCases.compactMap { kind in
            recordsBySource[kind].map { SourceRow(label: kind.label, count: French.integer($0)) }
        }
        self.neighbours = neighbours.map(Neighbour.init)
        hasNeighbours = !neighbours.isEmpty
    }
}
