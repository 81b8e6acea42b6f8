import MaillageCore
import MaillageStorage

/// `/rencontres/{id}`: a meeting — when, where, its agenda and tables, « la rencontre en chiffres », its workshop —
/// and, for its animateurs and coordinators, its participants and their attendance.
struct MeetingPage: PageModel {
    struct AgendaLine {
        var title: String
        var kind: String
        var minutes: String?
    }

    struct Person {
        var id: Int
        var name: String
        var structure: String
        var profile: String
        var commune: String
        var registration: String
        var attended: Bool
        var namedInPublic: Bool
        var removeURL: String
    }

    struct WorkshopAction {
        var state: String
        var label: String
    }

    let template = TemplateName.meeting
    /// The forms' field names.
    let fields = ParticipantFormField.names
    var title: String
    var heading: String
    var cycleTitle: String
    var cycleURL: String
    var venue: String
    var venueURL: String?
    var agenda: [AgendaLine]
    var hasAgenda: Bool
    var tables: String
    var figures: [String]
    var workshopState: String
    var workshopOpen: Bool
    var joinCode: String?
    var boardURL: String
    var projectionURL: String
    var decisions: String?
    var canRun: Bool
    var editURL: String
    var stateURL: String
    var workshopActions: [WorkshopAction]
    var people: [Person]
    var hasPeople: Bool
    var publicNames: String?
    var attendanceURL: String
    var participantsURL: String
    var profiles: [FormChoice]
    var communes: [FormChoice]
    var registrations: [FormChoice]
    var reportURL: String
    var reportODTURL: String
    var changesURL: String?
    var errors: [String]
    var hasErrors: Bool
    /// How long participants' names are kept after the meeting.
    var retentionDays = Int(ParticipantRepository.retention / (24 * 3600))
    private let parents: [Breadcrumb]

    init(
        meeting: Meeting, cycle: Cycle, participants: [Participant], figures: MeetingFigures, territory: TerritoryData, canRun: Bool,
        hasChanges: Bool, problems: [FieldProblem] = []
    ) {
        heading = "Rencontre n° \(meeting.number) — \(ParisTime.french(meeting.startsAt))"
        title = "\(heading) — Maillage"
        cycleTitle = cycle.title
        cycleURL = SiteURL.cycle(.value(cycle.id)).path
        venue = meeting.venue
        venueURL = meeting.venuePlaceID.map { SiteURL.place(.value($0)).path }
        agenda = meeting.agenda.map { AgendaLine(title: $0.title, kind: $0.kind.label, minutes: $0.minutes.map { "\($0) min" }) }
        hasAgenda = !agenda.isEmpty
        tables = French.list(meeting.focusCommunes.map { territory.commune($0)?.name ?? $0.rawValue })
        self.figures = figures.lines(in: territory)
        workshopState = meeting.workshop.label
        workshopOpen = meeting.workshop == .ouvert
        joinCode = canRun ? meeting.joinCode : nil
        boardURL = SiteURL.board(.value(meeting.id)).path
        projectionURL = SiteURL.board(.value(meeting.id)).path(query: [("vue", "projection")])
        decisions = meeting.decisions.isEmpty ? nil : meeting.decisions
        self.canRun = canRun
        editURL = SiteURL.editMeeting(.value(meeting.id)).path
        stateURL = SiteURL.workshopState(.value(meeting.id)).path
        workshopActions =
            switch meeting.workshop {
            case .enPreparation: [WorkshopAction(state: WorkshopState.ouvert.rawValue, label: "Ouvrir l'atelier aux cartes")]
            case .ouvert: [WorkshopAction(state: WorkshopState.clos.rawValue, label: "Clore l'atelier et figer le diagnostic")]
            case .clos: [WorkshopAction(state: WorkshopState.ouvert.rawValue, label: "Rouvrir l'atelier")]
            }
        people =
            canRun
            ? participants.map { person in
                Person(
                    id: person.id, name: person.name, structure: person.structure, profile: person.profile.label,
                    commune: person.commune.flatMap { territory.commune($0)?.name } ?? "", registration: person.registration.label,
                    attended: person.attended, namedInPublic: person.namedInPublic,
                    removeURL: SiteURL.removeParticipant(.value(meeting.id), .value(person.id)).path)
            } : []
        hasPeople = !people.isEmpty
        let named = participants.filter { $0.attended && $0.namedInPublic }
            .map { $0.structure.isEmpty ? $0.name : "\($0.name) (\($0.structure))" }
        publicNames = canRun || named.isEmpty ? nil : French.list(named)
        attendanceURL = SiteURL.attendance(.value(meeting.id)).path
        participantsURL = SiteURL.participants(.value(meeting.id)).path
        profiles = FormChoice.all(ParticipantProfile.self, label: \.label, selected: { $0 == .acteurInclusion })
        let members = territory.epcis[cycle.territory]?.members.compactMap(territory.commune) ?? []
        communes = members.sorted { $0.name.folded < $1.name.folded }.map { FormChoice(value: $0.code.rawValue, label: $0.name, selected: false) }
        registrations = FormChoice.all(Participant.Registration.self, label: \.label, selected: { $0 == .invite })
        reportURL = SiteURL.meetingReport(.value(meeting.id)).path
        reportODTURL = SiteURL.meetingReportODT(.value(meeting.id)).path
        changesURL = hasChanges ? SiteURL.meetingChanges(.value(meeting.id)).path : nil
        errors = problems.map(\.sentence)
        hasErrors = !errors.isEmpty
        parents = [Breadcrumb(label: cycle.title, url: cycleURL)]
    }

    var breadcrumbParents: [Breadcrumb] { parents }
}
