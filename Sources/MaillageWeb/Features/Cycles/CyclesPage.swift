import MaillageCore

/// `/cycles`: the meeting cycles of a territory, the most recent first.
struct CyclesPage: PageModel {
    struct Item {
        var title: String
        var url: String
        var period: String?
        var meetings: String
        var goal: String
    }

    let template = TemplateName.cycles
    var title: String
    var territoryName: String
    var items: [Item]
    var hasItems: Bool
    var canRun: Bool
    var newURL: String

    init(cycles: [(cycle: Cycle, meetings: Int)], territoryName: String, siren: Siren, canRun: Bool) {
        title = "Cycles de rencontres — \(territoryName) — Maillage"
        self.territoryName = territoryName
        items = cycles.map { cycle, meetings in
            Item(
                title: cycle.title, url: SiteURL.cycle(.value(cycle.id)).path, period: ParisTime.period(from: cycle.startsOn, to: cycle.endsOn),
                meetings: French.count(meetings, "rencontre", "rencontres"), goal: cycle.goal)
        }
        hasItems = !items.isEmpty
        self.canRun = canRun
        newURL = SiteURL.newCycle.path(query: [("territoire", siren.rawValue)])
    }
}
