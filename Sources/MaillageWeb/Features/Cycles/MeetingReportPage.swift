import MaillageCore

/// `/rencontres/{id}/compte-rendu` and `/cycles/{id}/compte-rendu`: the report of a meeting, or of a cycle's
/// meetings one after the other, as a page to print on A4 (its editable twin is the `.odt`).
struct MeetingReportPage: PageModel {
    struct Section {
        var heading: String
        var paragraphs: [String]
        var items: [String]
        var hasItems: Bool
        var subsections: [Section]

        init(_ section: MeetingReport.Section) {
            heading = section.heading
            paragraphs = section.paragraphs
            items = section.items
            hasItems = !items.isEmpty
            subsections = section.subsections.map(Section.init)
        }
    }

    struct Report {
        var title: String
        var subtitle: String
        var sections: [Section]
        var odtURL: String?
    }

    let template = TemplateName.meetingReport
    var title: String
    var heading: String
    var reports: [Report]
    var backURL: String
    private let parents: [Breadcrumb]

    init(reports: [(report: MeetingReport, odtURL: String)], heading: String, cycle: Cycle, meeting: Meeting?) {
        self.heading = heading
        title = "\(heading) — Maillage"
        self.reports = reports.map {
            Report(title: $0.report.title, subtitle: $0.report.subtitle, sections: $0.report.sections.map(Section.init), odtURL: $0.odtURL)
        }
        backURL = meeting.map { SiteURL.meeting(.value($0.id)).path } ?? SiteURL.cycle(.value(cycle.id)).path
        parents =
            [Breadcrumb(label: cycle.title, url: SiteURL.cycle(.value(cycle.id)).path)]
            + (meeting.map { [Breadcrumb(label: "Rencontre n° \($0.number)", url: SiteURL.meeting(.value($0.id)).path)] } ?? [])
    }

    var breadcrumbParents: [Breadcrumb] { parents }
}
