import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

/// The meeting cycles of a territory: cycles and their meetings are public (figures, never names); their animateurs
/// and coordinators prepare them, invite and register participants and take attendance.
struct CycleController {
    let index: any PlaceIndexReading
    let cycles: CycleRepository
    let participants: ParticipantRepository
    let workshop: WorkshopRepository
    let snapshots: SnapshotRepository
    let pages: PageRenderer
    let gate: AccessGate
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.cycles, use: list)
        router.get(.newCycle, use: newCycle)
        router.post(.cycles, use: createCycle)
        router.get(.cycle(.key), use: show)
        router.get(.editCycle(.key), use: editCycle)
        router.post(.editCycle(.key), use: updateCycle)
        router.get(.newMeeting(.key), use: newMeeting)
        router.post(.cycleMeetings(.key), use: createMeeting)
        router.get(.meeting(.key), use: meeting)
        router.get(.editMeeting(.key), use: editMeeting)
        router.post(.editMeeting(.key), use: updateMeeting)
        router.post(.participants(.key), use: addParticipant)
        router.post(.attendance(.key), use: takeAttendance)
        router.post(.removeParticipant(.key, .key), use: removeParticipant)
    }

    // MARK: Cycles

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        let siren = try index.knownTerritory(QueryReader(request), default: focus)
        var listed: [(cycle: Cycle, meetings: Int)] = []
        for cycle in try await cycles.all(territory: siren) { listed.append((cycle, try await cycles.meetings(cycle: cycle.id).count)) }
        return pages.render(
            CyclesPage(
                cycles: listed, territoryName: index.current.territory.epcis[siren]?.name ?? siren.rawValue, siren: siren,
                canRun: gate.allows(context, .runCycles(siren))), for: context.visitor)
    }

    @Sendable func newCycle(request: Request, context: AppRequestContext) async throws -> HTML {
        let siren = try index.knownTerritory(QueryReader(request), default: focus)
        try gate.require(.runCycles(siren), request, context)
        let draft = Cycle(
            territory: siren, title: "Maillage territorial de l'inclusion numérique",
            goal: "Co-construire le diagnostic territorial de l'inclusion numérique avec les acteurs du territoire.")
        return pages.render(CycleFormPage(cycle: draft, isNew: true), for: context.visitor)
    }

    @Sendable func createCycle(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let siren = try index.knownTerritory(reader, default: focus)
        let actor = try gate.require(.runCycles(siren), request, context)
        let form = try CycleForm(reader, territory: siren)
        guard form.problems.isEmpty else {
            return try rejected(CycleFormPage(cycle: form.cycle, isNew: true, problems: form.problems), request, context)
        }
        let cycle = try await cycles.create(form.cycle, by: Author(actor))
        return .redirect(to: SiteURL.cycle(.value(cycle.id)).path, type: .found)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let cycle = try await cycles.cycle(namedBy: context)
        var listed: [(meeting: Meeting, figures: MeetingFigures)] = []
        for meeting in try await cycles.meetings(cycle: cycle.id) { listed.append((meeting, try await figures(of: meeting))) }
        return pages.render(
            CyclePage(cycle: cycle, meetings: listed, canRun: gate.allows(context, .runCycles(cycle.territory))), for: context.visitor)
    }

    @Sendable func editCycle(request: Request, context: AppRequestContext) async throws -> HTML {
        let cycle = try await cycles.cycle(namedBy: context)
        try gate.require(.runCycles(cycle.territory), request, context)
        return pages.render(CycleFormPage(cycle: cycle, isNew: false), for: context.visitor)
    }

    @Sendable func updateCycle(request: Request, context: AppRequestContext) async throws -> Response {
        let cycle = try await cycles.cycle(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        let form = try CycleForm(try await QueryReader.form(request), territory: cycle.territory, id: cycle.id)
        guard form.problems.isEmpty else {
            return try rejected(CycleFormPage(cycle: form.cycle, isNew: false, problems: form.problems), request, context)
        }
        try await cycles.update(form.cycle, by: Author(actor))
        return .redirect(to: SiteURL.cycle(.value(cycle.id)).path, type: .found)
    }

    // MARK: Meetings

    @Sendable func newMeeting(request: Request, context: AppRequestContext) async throws -> HTML {
        let cycle = try await cycles.cycle(namedBy: context)
        try gate.require(.runCycles(cycle.territory), request, context)
        let draft = Meeting(
            cycleID: cycle.id, territory: cycle.territory, startsAt: Date(timeIntervalSince1970: 0), venue: "", agenda: Self.usualAgenda)
        return pages.render(MeetingFormPage(meeting: draft, cycle: cycle, territory: index.current.territory, isNew: true), for: context.visitor)
    }

    @Sendable func createMeeting(request: Request, context: AppRequestContext) async throws -> Response {
        let cycle = try await cycles.cycle(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        let form = try MeetingForm(try await QueryReader.form(request), cycle: cycle, index: index.current)
        guard form.problems.isEmpty else {
            return try rejected(
                MeetingFormPage(
                    meeting: form.meeting, cycle: cycle, territory: index.current.territory, isNew: true,
                    problems: form.problems), request, context)
        }
        let meeting = try await cycles.createMeeting(form.meeting, by: Author(actor))
        return .redirect(to: SiteURL.meeting(.value(meeting.id)).path, type: .found)
    }

    @Sendable func meeting(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        return try await meetingPage(meeting, cycle, request, context)
    }

    @Sendable func editMeeting(request: Request, context: AppRequestContext) async throws -> HTML {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        try gate.require(.runCycles(cycle.territory), request, context)
        return pages.render(MeetingFormPage(meeting: meeting, cycle: cycle, territory: index.current.territory, isNew: false), for: context.visitor)
    }

    @Sendable func updateMeeting(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        var form = try MeetingForm(try await QueryReader.form(request), cycle: cycle, index: index.current, existing: meeting)
        form.meeting.number = meeting.number
        guard form.problems.isEmpty else {
            return try rejected(
                MeetingFormPage(
                    meeting: form.meeting, cycle: cycle, territory: index.current.territory, isNew: false,
                    problems: form.problems), request, context)
        }
        try await cycles.updateMeeting(form.meeting, by: Author(actor))
        return .redirect(to: SiteURL.meeting(.value(meeting.id)).path, type: .found)
    }

    // MARK: Participants

    @Sendable func addParticipant(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        let reader = try await QueryReader.form(request)
        var problems: [FieldProblem] = []
        let commune = try reader.single(ParticipantFormField.commune)
        let code = commune.flatMap(CommuneCode.init)
        if commune != nil && code == nil { problems.append(.init(field: "Commune", expected: "un code INSEE")) }
        let person = Participant(
            meetingID: meeting.id, name: try reader.text(ParticipantFormField.nom, maximumLength: 2_000) ?? "",
            structure: try reader.text(ParticipantFormField.structure, maximumLength: 2_000) ?? "",
            profile: try reader.choice(ParticipantFormField.profil) ?? .acteurInclusion, commune: code,
            registration: try reader.choice(ParticipantFormField.inscription) ?? .invite, attended: try reader.flag(ParticipantFormField.present),
            namedInPublic: try reader.flag(ParticipantFormField.nomPublic))
        problems += person.problems(in: index.current.territory)
        guard problems.isEmpty else {
            var response = try await meetingPage(meeting, cycle, request, context, problems: problems)
            response.status = .unprocessableContent
            return response
        }
        do {
            _ = try await participants.add(person, territory: cycle.territory, by: Author(actor))
        } catch let error as TooMany {
            throw HTTPError(.unprocessableContent, message: "Une rencontre compte au plus \(error.limit) participants.")
        }
        return .redirect(to: SiteURL.meeting(.value(meeting.id)).path, type: .found)
    }

    @Sendable func takeAttendance(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        let reader = try await QueryReader.form(request)
        let values = try reader.all(ParticipantFormField.presents, limit: Participant.maxPerMeeting)
        let present = Set(values.compactMap { Int($0) })
        guard present.count == values.count else { throw HTTPError(.badRequest, message: "Les présences sont des numéros de participants.") }
        try await participants.setAttendance(meetingID: meeting.id, present: present, territory: cycle.territory, by: Author(actor))
        return .redirect(to: SiteURL.meeting(.value(meeting.id)).path, type: .found)
    }

    @Sendable func removeParticipant(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        guard let id = Int(try context.parameters.require("participant")) else { throw HTTPError(.notFound, message: "Participant inconnu.") }
        do {
            try await participants.remove(id: id, meetingID: meeting.id, territory: cycle.territory, by: Author(actor))
        } catch is RowNotFound {
            throw HTTPError(.notFound, message: "Ce participant n'est pas inscrit à cette rencontre.")
        }
        return .redirect(to: SiteURL.meeting(.value(meeting.id)).path, type: .found)
    }

    // MARK: Helpers

    /// The agenda a new meeting starts from: the seed's second meeting.
    static let usualAgenda = [
        AgendaItem(title: "Accueil et interconnaissance", kind: .interconnaissance, minutes: 30),
        AgendaItem(title: "L'inclusion numérique sur mon territoire", kind: .diagnostic, minutes: 60),
        AgendaItem(title: "Parcours usagers avec les personas", kind: .parcours, minutes: 45),
        AgendaItem(title: "Partenariats et orientation", kind: .partenariats, minutes: 30),
        AgendaItem(title: "Restitution et suites", kind: .restitution, minutes: 15)
    ]

    private func meetingPage(
        _ meeting: Meeting, _ cycle: Cycle, _ request: Request, _ context: AppRequestContext,
        problems: [FieldProblem] = []
    ) async throws -> Response {
        let people = try await participants.all(meetingID: meeting.id)
        let cards = try await workshop.cards(meetingID: meeting.id)
        let hasChanges = try await snapshots.snapshot(meetingID: meeting.id) != nil
        let page = MeetingPage(
            meeting: meeting, cycle: cycle, participants: people,
            figures: MeetingFigures(meeting: meeting, participants: people, cards: cards), territory: index.current.territory,
            canRun: gate.allows(context, .runCycles(cycle.territory)), hasChanges: hasChanges, problems: problems)
        var response = try pages.render(page, for: context.visitor).response(from: request, context: context)
        // Names of participants are shown to animateurs: never kept by a cache.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func figures(of meeting: Meeting) async throws -> MeetingFigures {
        MeetingFigures(
            meeting: meeting, participants: try await participants.all(meetingID: meeting.id),
            cards: try await workshop.cards(meetingID: meeting.id))
    }

    private func rejected(_ page: some PageModel, _ request: Request, _ context: AppRequestContext) throws -> Response {
        var html = pages.render(page, for: context.visitor)
        html.status = .unprocessableContent
        return try html.response(from: request, context: context)
    }
}
