import MaillageCore

/// `/territoires/:siren/vigilance`: the places to look at (to confirm, without hours, contact or coordinates, maybe
/// closed) and each place's quality score.
struct VigilancePage: PageModel {
    struct Count {
        var label: String
        var count: String
        var url: String
        var selected: Bool
    }

    struct Row {
        var name: String
        var url: String
        var commune: String
        var points: [String]
        var score: Int
        var confirmed: String
        var declareURL: String
    }

    let template = TemplateName.vigilance
    var title: String
    var territoryName: String
    var counts: [Count]
    var rows: [Row]
    var hasRows: Bool
    var averageScore: String
    var placeCount: String
    var allURL: String

    init(
        territoryName: String, siren: Siren, rows: [(entry: PlaceIndex.Entry, points: [VigilancePoint], quality: PlaceQuality)],
        selected: VigilancePoint?
    ) {
        title = "Points de vigilance — \(territoryName) — Maillage"
        self.territoryName = territoryName
        let base = SiteURL.vigilance(.value(siren))
        allURL = base.path
        counts = VigilancePoint.allCases.map { point in
            Count(
                label: point.label, count: French.integer(rows.filter { $0.points.contains(point) }.count),
                url: base.path(query: [("point", point.rawValue)]), selected: point == selected)
        }
        let shown = rows.filter { row in selected.map(row.points.contains) ?? !row.points.isEmpty }
        self.rows = shown.sorted { ($0.quality.score, $0.entry.sortName) < ($1.quality.score, $1.entry.sortName) }.map { row in
            Row(
                name: row.entry.place.nom, url: SiteURL.place(.value(row.entry.place.id)).path, commune: row.entry.place.commune,
                points: row.points.map(\.label), score: row.quality.score, confirmed: row.entry.place.dateMaj.french,
                declareURL: SiteURL.declarePlace(.value(row.entry.place.id)).path)
        }
        hasRows = !self.rows.isEmpty
        placeCount = French.integer(rows.count)
        averageScore = rows.isEmpty ? "—" : French.integer(rows.reduce(0) { $0 + $1.quality.score } / rows.count)
    }
}
