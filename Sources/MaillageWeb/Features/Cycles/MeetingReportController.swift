import Foundation
import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// What comes out of a meeting: its compte-rendu as a printable page and as an editable OpenDocument text, the
/// cycle's report gathering its meetings, and what changed since the previous meeting. Public, as the figures are:
/// names appear only for participants who agreed.
struct MeetingReportController {
    let index: any PlaceIndexReading
    let cycles: CycleRepository
    let participants: ParticipantRepository
    let workshop: WorkshopRepository
    let snapshots: SnapshotRepository
    let personas: PersonaRepository
    let pages: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get(.meetingReport(.key), use: report)
        router.get(.meetingReportODT(.key), use: reportODT)
        router.get(.cycleReport(.key), use: cycleReport)
        router.get(.meetingChanges(.key), use: changes)
    }

    @Sendable func report(request: Request, context: AppRequestContext) async throws -> HTML {
        let (meeting, cycle, meetings) = try await find(context)
        let made = try await report(of: meeting, cycle: cycle, meetings: meetings)
        return pages.render(
            MeetingReportPage(
                reports: [(made, SiteURL.meetingReportODT(.value(meeting.id)).path)], heading: made.title,
                cycle: cycle, meeting: meeting), for: context.visitor)
    }

    @Sendable func reportODT(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle, meetings) = try await find(context)
        let document = try OpenDocumentText.document(try await report(of: meeting, cycle: cycle, meetings: meetings))
        let name = "compte-rendu-rencontre-\(meeting.number)-\(CalendarDay(meeting.startsAt)).odt"
        return Response(
            status: .ok, headers: [.contentType: OpenDocumentText.mimeType, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }

    @Sendable func cycleReport(request: Request, context: AppRequestContext) async throws -> HTML {
        let cycle = try await cycles.cycle(namedBy: context)
        let meetings = try await cycles.meetings(cycle: cycle.id)
        var reports: [(report: MeetingReport, odtURL: String)] = []
        for meeting in meetings {
            reports.append((try await report(of: meeting, cycle: cycle, meetings: meetings), SiteURL.meetingReportODT(.value(meeting.id)).path))
        }
        return pages.render(
            MeetingReportPage(reports: reports, heading: "Compte rendu du cycle « \(cycle.title) »", cycle: cycle, meeting: nil),
            for: context.visitor)
    }

    @Sendable func changes(request: Request, context: AppRequestContext) async throws -> HTML {
        let (meeting, cycle, meetings) = try await find(context)
        let (previous, comparison) = try await comparison(for: meeting, in: meetings)
        return pages.render(
            MeetingChangesPage(meeting: meeting, previous: previous, comparison: comparison, cycle: cycle, territory: index.current.territory),
            for: context.visitor)
    }

    // MARK: Helpers

    /// The last meeting before `meeting` that was closed, and how `meeting`'s snapshot compares with its own (nil
    /// when either was never closed).
    private func comparison(for meeting: Meeting, in meetings: [Meeting]) async throws -> (Meeting?, SnapshotComparison?) {
        guard let current = try await snapshots.snapshot(meetingID: meeting.id) else { return (nil, nil) }
        for earlier in meetings.filter({ $0.number < meeting.number }).reversed() {
            if let snapshot = try await snapshots.snapshot(meetingID: earlier.id) {
                return (earlier, SnapshotComparison(from: snapshot, to: current))
            }
        }
        return (nil, nil)
    }

    private func report(of meeting: Meeting, cycle: Cycle, meetings: [Meeting]) async throws -> MeetingReport {
        let territory = index.current.territory, places = index.current
        let people = try await participants.all(meetingID: meeting.id)
        let cards = try await workshop.cards(meetingID: meeting.id)
        let names = Dictionary(
            try await personas.all(territory: cycle.territory).map { ($0.persona.id, $0.persona.firstName) }, uniquingKeysWith: { a, _ in a })
        let communeName: @Sendable (CommuneCode) -> String = { territory.commune($0)?.name ?? $0.rawValue }
        let changes = try await comparison(for: meeting, in: meetings).1?.lines(communeName: communeName)
        let figures = MeetingFigures(meeting: meeting, participants: people, cards: cards)
        return MeetingReport(
            .init(
                cycle: cycle, meeting: meeting, next: meetings.first { $0.number == meeting.number + 1 }, participants: people,
                cards: cards, figureLines: figures.lines(in: territory), communeName: communeName,
                placeName: { places.entry(id: $0)?.place.nom.displayCased }, personaName: { names[$0] },
                dateText: ParisTime.french, changes: changes))
    }

    private func find(_ context: AppRequestContext) async throws -> (Meeting, Cycle, [Meeting]) {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        return (meeting, cycle, try await cycles.meetings(cycle: cycle.id))
    }
}
