import MaillageCore

/// `/recherche`: results as a list and a map, the filters kept in the form and in the URL.
struct SearchPage: PageModel {
    let template = TemplateName.search
    var title: String
    var form: SearchForm
    var hasSearched: Bool
    var error: String?
    var origin: String?
    var alternatives: [Alternative]
    var hasAlternatives: Bool
    /// How the typed commune was understood, or that the site does not cover it.
    var notes: [String]
    var matches: [PlaceSummary]
    var matchCount: String
    var shownNote: String?
    var partialMatches: [PlaceSummary]
    var hasPartialMatches: Bool
    var noLocalMatch: Bool
    var territoryName: String?
    var neighbourMatches: [PlaceSummary]
    var hasNeighbourMatches: Bool
    var recordedOnly: [PlaceSummary]
    var recordedOnlyHeading: String?
    var map: String?
    var csvURL: String
    var geojsonURL: String
    var apiURL: String
    var shareURL: String

    struct Alternative {
        var name: String
        var url: String
    }

    init(parameters: SearchParameters, result: SearchResult?, alternatives: [Commune], index: PlaceIndex, notes: [String] = [], error: String? = nil)
    {
        self.notes = notes
        form = SearchForm(parameters)
        hasSearched = result != nil
        self.error = error
        let query = parameters.queryString
        shareURL = SiteURL.search.path(encodedQuery: query)
        csvURL = SiteURL.api(.searchCSV).path(encodedQuery: query)
        geojsonURL = SiteURL.api(.searchGeoJSON).path(encodedQuery: query)
        apiURL = SiteURL.api(.search).path(encodedQuery: query)
        var others = parameters
        self.alternatives = alternatives.prefix(8).map { commune in
            others.place = nil
            others.commune = commune.code
            return Alternative(name: "\(commune.name) (\(commune.code))", url: SiteURL.search.path(encodedQuery: others.queryString))
        }
        hasAlternatives = !self.alternatives.isEmpty
        guard let result else {
            title = error == nil ? "Trouver un lieu — Maillage" : "Recherche invalide — Maillage"
            matches = []; partialMatches = []; neighbourMatches = []; recordedOnly = []
            matchCount = "0"; hasPartialMatches = false; hasNeighbourMatches = false; noLocalMatch = false
            return
        }
        origin = result.originCommune.map { "\($0.name) (\($0.code))" }
        territoryName = result.originEPCI?.name
        title = "\(French.count(result.totalMatches, "lieu", "lieux"))\(origin.map { " autour de \($0)" } ?? "") — Maillage"
        matches = result.matches.enumerated().map { PlaceSummary(match: $1, number: $0 + 1) }
        let fitting = "\(French.count(result.totalMatches, "lieu", "lieux")) qui \(result.totalMatches < 2 ? "convient" : "conviennent")"
        matchCount = fitting
        shownNote = result.totalMatches > result.matches.count ? "Les \(result.matches.count) plus proches ci-dessous." : nil
        partialMatches = result.partialMatches.enumerated().map { PlaceSummary(match: $1, number: result.matches.count + $0 + 1) }
        hasPartialMatches = !partialMatches.isEmpty
        noLocalMatch = result.noLocalMatch
        let offset = result.matches.count + result.partialMatches.count
        neighbourMatches = result.neighbourMatches.enumerated().map { PlaceSummary(match: $1, number: offset + $0 + 1) }
        hasNeighbourMatches = !neighbourMatches.isEmpty
        let recordedOffset = offset + result.neighbourMatches.count
        recordedOnly = result.recordedOnly.enumerated().map { PlaceSummary(match: $1, number: recordedOffset + $0 + 1) }
        recordedOnlyHeading =
            result.totalRecordedOnly == 0
            ? nil
            : "\(French.count(result.totalRecordedOnly, "lieu recensé", "lieux recensés")), offre non déclarée"
        map = Self.map(result: result, index: index)
    }

    private static func map(result: SearchResult, index: PlaceIndex) -> String? {
        let all =
            result.matches.map { ($0, SVGMap.MarkerStyle.match) } + result.partialMatches.map { ($0, .partial) }
            + result.neighbourMatches.map { ($0, .outside) } + result.recordedOnly.map { ($0, .partial) }
        var markers: [SVGMap.Marker] = all.enumerated().compactMap { number, item in
            item.0.entry.place.coordinate.map { SVGMap.Marker(point: $0, label: String(number + 1), title: item.0.entry.place.nom, style: item.1) }
        }
        if let origin = result.originPoint { markers.append(SVGMap.Marker(point: origin, label: "•", title: "Point de départ", style: .origin)) }
        guard !markers.isEmpty else { return nil }
        let box = BoundingBox(enclosing: markers.map(\.point))!
        let communes = index.territory.communes.values.filter { commune in
            guard let b = commune.boundary?.boundingBox else { return false }
            return b.maxLatitude >= box.minLatitude - 0.02 && b.minLatitude <= box.maxLatitude + 0.02
                && b.maxLongitude >= box.minLongitude - 0.03 && b.minLongitude <= box.maxLongitude + 0.03
        }
        return SVGMap(
            title: "Carte des résultats", description: "\(markers.count - (result.originPoint == nil ? 0 : 1)) lieux numérotés comme dans la liste",
            communes: communes.sorted { $0.code < $1.code }, highlighted: Set(result.originCommune.map { [$0.code] } ?? []),
            markers: markers, labelled: SVGMap.names(among: communes, first: result.originCommune.map { [$0.code] } ?? [], count: 4)
        ).render()
    }
}
