import MaillageCore

/// `/cycles/{id}`: a cycle, its organisers and animateurs, and its meetings with their figures.
struct CyclePage: PageModel {
    struct MeetingItem {
        var number: Int
        var date: String
        var venue: String
        var state: String
        var figures: String
        var url: String
    }

    let template = TemplateName.cycle
    var title: String
    var cycleTitle: String
    var goal: String
    var period: String?
    var organisers: String?
    var animateurs: String?
    var meetings: [MeetingItem]
    var hasMeetings: Bool
    var canRun: Bool
    var newMeetingURL: String
    var editURL: String
    var reportURL: String
    var cyclesURL: String

    init(cycle: Cycle, meetings: [(meeting: Meeting, figures: MeetingFigures)], canRun: Bool) {
        title = "\(cycle.title) — Maillage"
        cycleTitle = cycle.title
        goal = cycle.goal
        period = ParisTime.period(from: cycle.startsOn, to: cycle.endsOn)
        organisers = cycle.organisers.isEmpty ? nil : French.list(cycle.organisers)
        animateurs = cycle.animateurs.isEmpty ? nil : French.list(cycle.animateurs)
        self.meetings = meetings.map { meeting, figures in
            MeetingItem(
                number: meeting.number, date: ParisTime.french(meeting.startsAt), venue: meeting.venue, state: meeting.workshop.label,
                figures: figures.headline, url: SiteURL.meeting(.value(meeting.id)).path)
        }
        hasMeetings = !meetings.isEmpty
        self.canRun = canRun
        newMeetingURL = SiteURL.newMeeting(.value(cycle.id)).path
        editURL = SiteURL.editCycle(.value(cycle.id)).path
        reportURL = SiteURL.cycleReport(.value(cycle.id)).path
        cyclesURL = SiteURL.cycles.path(query: [("territoire", cycle.territory.rawValue)])
    }
}
