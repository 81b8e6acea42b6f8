import MaillageCore

/// `/rencontres/{id}/evolution`: what changed between the snapshot frozen when the previous meeting closed and this
/// meeting's — places, missing places, and coverage commune by commune and need by need.
struct MeetingChangesPage: PageModel {
    struct CoverageRow {
        var commune: String
        var need: String
        var before: String
        var after: String
        var direction: String
    }

    let template = TemplateName.meetingChanges
    var title: String
    var heading: String
    var comparedWith: String?
    var lines: [String]
    var hasLines: Bool
    var rows: [CoverageRow]
    var hasRows: Bool
    var meetingURL: String
    private let parents: [Breadcrumb]

    init(meeting: Meeting, previous: Meeting?, comparison: SnapshotComparison?, cycle: Cycle, territory: TerritoryData) {
        heading = "Ce qui a changé à la rencontre n° \(meeting.number)"
        title = "\(heading) — Maillage"
        comparedWith = previous.map {
            "Comparé à la rencontre n° \($0.number) du \(ParisTime.french($0.startsAt)), au moment où chacune a été close."
        }
        let name: (CommuneCode) -> String = { territory.commune($0)?.name ?? $0.rawValue }
        lines = comparison?.lines(communeName: name) ?? []
        hasLines = !lines.isEmpty
        rows = (comparison?.coverageChanges ?? []).map { change in
            CoverageRow(
                commune: name(change.commune), need: SnapshotComparison.needLabel(change.need), before: change.before.label,
                after: change.after.label,
                direction: change.isBetter ? "mieux" : "moins bien")
        }.sorted { ($0.commune.folded, $0.need) < ($1.commune.folded, $1.need) }
        hasRows = !rows.isEmpty
        meetingURL = SiteURL.meeting(.value(meeting.id)).path
        parents = [
            Breadcrumb(label: cycle.title, url: SiteURL.cycle(.value(cycle.id)).path),
            Breadcrumb(label: "Rencontre n° \(meeting.number)", url: meetingURL)
        ]
    }

    var breadcrumbParents: [Breadcrumb] { parents }
}
