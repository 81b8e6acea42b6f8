import MaillageCore

/// `/cycles/{id}/rencontres/nouvelle` and `/rencontres/{id}/modifier`: a meeting's date, venue, tables, agenda and
/// decisions.
struct MeetingFormPage: PageModel {
    struct AgendaRow {
        var row: Int
        /// The row as people count it, from 1.
        var number: Int
        var title: String
        var kinds: [FormChoice]
        var minutes: String
    }

    let template = TemplateName.meetingForm
    /// The form's field names.
    let fields = MeetingFormField.names
    var title: String
    var heading: String
    var action: String
    var startsAt: String
    var venue: String
    var venuePlaceID: String
    var communes: [FormChoice]
    var agenda: [AgendaRow]
    var decisions: String
    var isNew: Bool
    var errors: [String]
    var hasErrors: Bool
    private let parents: [Breadcrumb]

    init(meeting: Meeting, cycle: Cycle, territory: TerritoryData, isNew: Bool, problems: [FieldProblem] = []) {
        heading = isNew ? "Nouvelle rencontre" : "Modifier la rencontre n° \(meeting.number)"
        title = "\(heading) — Maillage"
        action = isNew ? SiteURL.cycleMeetings(.value(cycle.id)).path : SiteURL.editMeeting(.value(meeting.id)).path
        startsAt = meeting.startsAt.timeIntervalSince1970 == 0 ? "" : ParisTime.local(meeting.startsAt)
        venue = meeting.venue
        venuePlaceID = meeting.venuePlaceID ?? ""
        let members = territory.epcis[cycle.territory]?.members.compactMap(territory.commune) ?? []
        communes = members.sorted { $0.name.folded < $1.name.folded }
            .map { FormChoice(value: $0.code.rawValue, label: $0.name, selected: meeting.focusCommunes.contains($0.code)) }
        agenda = (0..<MeetingForm.rows).map { row in
            let item = row < meeting.agenda.count ? meeting.agenda[row] : nil
            return AgendaRow(
                row: row, number: row + 1, title: item?.title ?? "",
                kinds: FormChoice.all(WorkshopKind.self, label: \.label, selected: { $0 == (item?.kind ?? .autre) }),
                minutes: item?.minutes.map(String.init) ?? "")
        }
        decisions = meeting.decisions
        self.isNew = isNew
        errors = problems.map(\.sentence)
        hasErrors = !errors.isEmpty
        parents =
            [Breadcrumb(label: cycle.title, url: SiteURL.cycle(.value(cycle.id)).path)]
            + (isNew ? [] : [Breadcrumb(label: "Rencontre n° \(meeting.number)", url: SiteURL.meeting(.value(meeting.id)).path)])
    }

    var breadcrumbParents: [Breadcrumb] { parents }
}
