import MaillageCore

/// `/communes/:code`: a commune's places, and for each of the 9 services the nearest place offering it.
struct CommunePage: PageModel {
    struct Nearest {
        var service: String
        var place: String?
        var url: String?
        var where_: String?
        var distance: String?
        var isLocal: Bool
        var isOutside: Bool
    }

    let template = TemplateName.commune
    var title: String
    var name: String
    var code: String
    var population: String
    var epciName: String?
    var epciURL: String?
    var fragility: String?
    var broadband: String?
    var qpvs: String?
    var places: [PlaceSummary]
    var placeCount: String
    var recordedOnly: [PlaceSummary]
    var recordedOnlyHeading: String?
    var hasPlaces: Bool
    var nearest: [Nearest]
    var map: String?

    /// The missing places register of the commune.
    var registered: [MissingPlaceRow]
    var hasRegistered: Bool
    var registerURL: String?

    init(commune: Commune, index: PlaceIndex, register: [MissingPlace] = []) {
        registered = MissingPlaceRow.rows(register, commune: commune.code)
        hasRegistered = !registered.isEmpty
        registerURL = commune.epci.map { SiteURL.missingPlaces.path(query: [("territoire", $0.rawValue)]) }
        let territory = index.territory
        title = "\(commune.name) — Maillage"
        name = commune.name
        code = commune.code.rawValue
        population = French.integer(commune.population)
        let epci = commune.epci.flatMap { territory.epcis[$0] }
        epciName = epci?.name
        epciURL = epci.map { SiteURL.territory(.value($0.siren)).path }
        fragility = territory.fragility[commune.code].map {
            "\(French.decimal($0.globalScore)) (base 100 = moyenne du département ; plus élevé = plus fragile)"
        }
        broadband = territory.broadband[commune.code].map {
            "\(French.decimal($0.veryHighSpeedShare * 100, digits: 0)) % des locaux éligibles au très haut débit (ARCEP, 2019)"
        }
        qpvs = QPVListing.sentence(for: commune.code, in: territory)
        let all = index.entries(in: commune.code)
        let offering = all.filter(\.declaresAnOffer)
        let entries = offering + all.filter { !$0.declaresAnOffer }
        places = offering.enumerated().map { PlaceSummary(entry: $1, number: $0 + 1) }
        recordedOnly = entries.dropFirst(offering.count).enumerated().map { PlaceSummary(entry: $1, number: offering.count + $0 + 1) }
        let count = PlaceCount(entries)
        placeCount = "\(French.count(count.offering, "lieu", "lieux")) avec une offre déclarée"
        recordedOnlyHeading =
            count.recordedOnly == 0 ? nil : "\(French.count(count.recordedOnly, "lieu recensé", "lieux recensés")), offre non déclarée"
        hasPlaces = !offering.isEmpty
        nearest = Service.allCases.map { service in
            guard let found = index.nearest(offering: service, from: commune.centroid) else {
                return Nearest(service: service.rawValue, isLocal: false, isOutside: false)
            }
            let place = found.entry.place
            let local = place.codeInsee == commune.code
            return Nearest(
                service: service.rawValue, place: place.nom, url: SiteURL.place(.value(place.id)).path, where_: place.commune,
                distance: local ? "dans la commune" : Distance.french(found.distanceMetres), isLocal: local,
                isOutside: found.entry.epci != commune.epci)
        }
        let markers = entries.enumerated().compactMap { number, entry in
            entry.place.coordinate.map { SVGMap.Marker(point: $0, label: String(number + 1), title: entry.place.nom, style: .match) }
        }
        let neighbours = territory.adjacency.neighbours(of: commune.code).compactMap { territory.commune($0) }
        map = SVGMap(
            title: "Carte de \(commune.name)", description: "\(markers.count) lieux dans la commune, numérotés comme dans la liste",
            communes: [commune] + neighbours, highlighted: [commune.code], markers: markers,
            labelled: SVGMap.names(among: [commune] + neighbours, first: [commune.code], count: 4)
        ).render()
    }
}

extension CommunePage {
    var breadcrumbParents: [Breadcrumb] {
        guard let epciName, let epciURL else { return [] }
        return [Breadcrumb(label: epciName, url: epciURL)]
    }
}
