import Foundation
import Hummingbird
import MaillageCore
import MaillageImport
import MaillageStorage
import ServiceLifecycle

/// The live workshop of a meeting: participants join with its code on a meeting-scoped pass, send cards to their
/// table's board, and the board updates on every screen through an event stream; the animateurs open and close it
/// (closing freezes the snapshot), hide off-topic cards and merge duplicates. The join code is shown only to the
/// animateurs and on the projected view opened with the meeting's projection token; the event stream only to those
/// who take part (a pass of the meeting, an animateur, the projection token), within ``EventStreamLimits``. Meeting
/// ids stay sequential in URLs (links, reports and bookmarks keep working): what shows a secret checks the role or
/// the token, never the id.
struct WorkshopController {
    let index: any PlaceIndexReading & StructureDirectoryReading & IndexSnapshotReading
    let cycles: CycleRepository
    let workshop: WorkshopRepository
    let missingPlaces: MissingPlaceRepository
    let personas: PersonaRepository
    let throttle: AttemptThrottle
    let pages: PageRenderer
    let gate: AccessGate
    let siteURL: String
    let secureCookies: Bool
    let eventStreamLifetime: Duration
    let watchers: WorkshopWatchers
    /// Opening and closing, with the snapshot a closing freezes.
    let setWorkshopState: SetWorkshopState

    /// The query parameter carrying the projection token.
    static let projectionParameter = "jeton"

    func register(on router: Router<AppRequestContext>) {
        router.get(.join, use: joinForm)
        router.post(.join, use: join)
        router.get(.board(.key), use: board)
        router.post(.board(.key), use: addCard)
        router.get(.boardEvents(.key), use: events)
        router.post(.moderateCard(.key, .key), use: moderate)
        router.post(.workshopState(.key), use: setState)
        router.post(.workshopCode(.key), use: renewCode)
        router.post(.projectionLink(.key), use: setProjectionLink)
    }

    // MARK: Joining

    @Sendable func joinForm(request: Request, context: AppRequestContext) async throws -> Response {
        let code = try QueryReader(request).single(JoinFormField.code).flatMap(JoinCode.normalised) ?? ""
        return try pages.formPage(
            JoinPage(code: code, currentMeetingID: context.visitor.workshopPass?.meetingID), request, context, secureCookies: secureCookies)
    }

    @Sendable func join(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let typed = try reader.single(JoinFormField.code) ?? ""
        let name = try reader.single(JoinFormField.nom) ?? ""
        // Counted by address with the address's larger allowance: a room of participants may share one.
        let keys = AttemptThrottle.workshopJoin(address: context.clientAddress ?? "inconnue")
        try await throttle.admit(keys, refusing: "Trop de codes essayés depuis cet appareil")
        var errors: [String] = []
        if !(1...40).contains(name.storedLength) { errors.append("Prénom ou initiales : de 1 à 40 caractères") }
        let code = JoinCode.normalised(typed)
        let meeting = code == nil ? nil : try await cycles.meeting(joinCode: code!)
        if meeting == nil {
            errors.append("Code : ce code ne correspond à aucun atelier ouvert ; vérifiez-le auprès des animateurs")
        }
        guard let meeting, errors.isEmpty else {
            var response = try pages.formPage(
                JoinPage(code: String(typed.prefix(12)), name: String(name.prefix(40)), errors: errors), request, context,
                secureCookies: secureCookies)
            response.status = .unprocessableContent
            return response
        }
        try await throttle.succeeded(keys)
        let token = try await workshop.issuePass(meetingID: meeting.id, label: name, expiresAt: Date() + Meeting.passLifetime)
        var response = Response.redirect(to: SiteURL.board(.value(meeting.id)).path, type: .found)
        response.setCookie(
            Cookie(
                name: Cookies.workshopPass, value: token, maxAge: Int(Meeting.passLifetime), path: "/", secure: secureCookies,
                httpOnly: true, sameSite: .lax))
        return response
    }

    // MARK: The board

    @Sendable func board(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let reader = QueryReader(request)
        let table = try reader.single("table").flatMap(CommuneCode.init)
        let isProjection = try reader.single("vue") == "projection"
        return try await boardPage(
            meeting, cycle, request, context, table: table, isProjection: isProjection,
            projectionToken: isProjection ? try await liveProjectionToken(reader, meeting) : nil)
    }

    @Sendable func addCard(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        guard let author = contributor(meeting, cycle, context) else {
            if context.visitor.actor == nil { throw SignInRequired(returnTo: SiteURL.join.path) }
            throw HTTPError(.forbidden, message: "Rejoignez l'atelier avec son code pour y contribuer.")
        }
        let reader = try await QueryReader.form(request)
        let territory = index.current.territory
        var problems: [FieldProblem] = []
        let table = try reader.single(CardFormField.table).flatMap(CommuneCode.init)
        if table == nil { problems.append(.init(field: "Table", expected: "une table de la rencontre")) }
        let placeID = try reader.single(CardFormField.lieu)
        if let placeID, index.current.entry(id: placeID) == nil {
            problems.append(.init(field: "Structure", expected: "une structure de l'annuaire"))
        }
        let neighbour = try reader.single(CardFormField.voisine)
        let personaID = try reader.single(CardFormField.persona)
        if let personaID, try await personas.find(id: personaID) == nil {
            problems.append(.init(field: "Persona", expected: "un persona du territoire"))
        }
        let card = WorkshopCard(
            meetingID: meeting.id, table: table ?? meeting.focusCommunes[0], kind: try reader.choice(CardFormField.type) ?? .ressource,
            text: try reader.text(CardFormField.texte, maximumLength: 20_000) ?? "", placeID: placeID,
            neighbourCommune: neighbour.flatMap(CommuneCode.init), personaID: personaID, authorLabel: author,
            createdAt: Date(), clientKey: try reader.single(CardFormField.cle) ?? "")
        if neighbour != nil && card.neighbourCommune == nil { problems.append(.init(field: "Commune voisine", expected: "un code INSEE")) }
        problems += card.problems(for: meeting, in: territory)
        guard problems.isEmpty else {
            var response = try await boardPage(meeting, cycle, request, context, table: table, isProjection: false, draft: card, problems: problems)
            response.status = .unprocessableContent
            return response
        }
        let stored: WorkshopCard
        do {
            let pass = context.visitor.workshopPass.flatMap { $0.meetingID == meeting.id ? $0.id : nil }
            switch try await workshop.add(card, passID: pass) {
            case .added(let added), .alreadyThere(let added): stored = added
            }
        } catch is WorkshopClosed {
            throw HTTPError(.conflict, message: "L'atelier n'est plus ouvert aux cartes : celle-ci n'a pas été ajoutée.")
        } catch let full as TableFull {
            let name = territory.commune(full.table)?.name ?? full.table.rawValue
            var response = try await boardPage(
                meeting, cycle, request, context, table: table, isProjection: false, draft: card,
                problems: [
                    .init(
                        field: "Table",
                        expected: "la table de \(name) a reçu le nombre maximal de cartes (\(full.limit)) ; les autres tables en reçoivent encore")
                ])
            response.status = .unprocessableContent
            return response
        } catch let rate as CardRateExceeded {
            var response = try await boardPage(
                meeting, cycle, request, context, table: table, isProjection: false, draft: card,
                problems: [
                    .init(
                        field: "Rythme",
                        expected:
                            "au plus \(WorkshopCard.maxPerPassPerMinute) cartes par minute ; votre carte est gardée ci-dessous, renvoyez-la dans \(rate.retryAfter) secondes"
                    )
                ])
            response.status = .tooManyRequests
            response.headers[.retryAfter] = "\(rate.retryAfter)"
            return response
        }
        return .redirect(to: SiteURL.board(.value(meeting.id)).path(query: [("table", stored.table.rawValue)]) + "#carte-\(stored.id)", type: .found)
    }

    /// `text/event-stream`: an event `version` with the meeting's change counter now, then each time it moves (the
    /// meeting's one watcher reads it, so that another instance's writes are seen too), a comment every 15 seconds to
    /// keep proxies from closing it; ends when the workshop closes, or after ``eventStreamLifetime`` (the browser then
    /// reconnects). Only for an open workshop and those who take part in it; beyond a cap, a `503` with `Retry-After`.
    @Sendable func events(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        guard meeting.workshop == .ouvert else {
            throw HTTPError(
                .conflict, message: "L'atelier de cette rencontre n'est pas ouvert : son tableau ne change plus, il se lit en rechargeant la page.")
        }
        let token = try await liveProjectionToken(QueryReader(request), meeting)
        guard mayWatch(meeting, cycle, context, projectionToken: token) else {
            throw HTTPError(
                .forbidden, message: "Le tableau en direct est réservé aux participants de l'atelier, à ses animateurs et à l'écran projeté.")
        }
        let subscription: WorkshopWatchers.Subscription
        do {
            subscription = try await watchers.listen(meetingID: meeting.id, address: context.clientAddress ?? "inconnue")
        } catch let refused as WorkshopWatchers.Refused {
            throw HTTPError(
                .serviceUnavailable, headers: [.retryAfter: "30"],
                message: "\(refused.reason) : réessayez dans 30 secondes. Le tableau se lit aussi en rechargeant la page.")
        }
        let lifetime = eventStreamLifetime
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let clock = ContinuousClock()
                let end = clock.now + lifetime
                var sent: Int?
                var quietSince = clock.now
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                for await version in subscription.versions {
                    if version != sent {
                        try await writer.write(ByteBuffer(string: "event: version\ndata: \(version)\n\n"))
                        sent = version
                        quietSince = clock.now
                    } else if clock.now - quietSince > .seconds(15) {
                        try await writer.write(ByteBuffer(string: ": toujours là\n\n"))
                        quietSince = clock.now
                    }
                    // Ends with its lifetime, and at once when the server stops (the browser reconnects to another instance).
                    if clock.now >= end || Task.isShuttingDownGracefully { break }
                }
                try await writer.finish(nil)
            })
    }

    // MARK: The animateurs

    @Sendable func moderate(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        guard let cardID = Int(try context.parameters.require("carte")) else { throw HTTPError(.notFound, message: "Carte inconnue.") }
        let reader = try await QueryReader.form(request)
        let visibility: WorkshopCard.Visibility
        switch try reader.single(BoardFormField.action) {
        case "masquer": visibility = .hidden
        case "afficher": visibility = .visible
        case "fusionner":
            guard let target = try reader.single(BoardFormField.dans).flatMap(Int.init) else {
                throw HTTPError(.badRequest, message: "Choisissez la carte dans laquelle fusionner celle-ci.")
            }
            visibility = .merged(into: target)
        default: throw HTTPError(.badRequest, message: "« action » attend : masquer, afficher ou fusionner.")
        }
        do {
            try await workshop.moderate(cardID: cardID, meetingID: meeting.id, to: visibility, territory: cycle.territory, by: Author(actor))
        } catch is RowNotFound {
            throw HTTPError(.notFound, message: "Cette carte n'est pas à l'atelier de cette rencontre.")
        } catch is InvalidMerge {
            throw HTTPError(.unprocessableContent, message: "Une carte se fusionne dans une autre carte affichée de la même table.")
        }
        return .redirect(to: SiteURL.board(.value(meeting.id)).path, type: .found)
    }

    @Sendable func setState(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        guard let state: WorkshopState = try await QueryReader.form(request).choice(ParticipantFormField.etat), state != .enPreparation else {
            throw HTTPError(.badRequest, message: "« etat » attend : ouvert ou clos.")
        }
        // What does not depend on the cards is read before the closing transaction; the figures are counted inside it.
        let snapshot = state == .clos ? try await snapshotMaker(territory: cycle.territory) : nil
        try await setWorkshopState(state, meetingID: meeting.id, by: Author(actor), snapshot: snapshot)
        return .redirect(to: SiteURL.meeting(.value(meeting.id)).path, type: .found)
    }

    /// « Nouveau code »: the open workshop gets a new join code; the former one stops working, passes stay valid.
    @Sendable func renewCode(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        do {
            _ = try await cycles.renewJoinCode(meetingID: meeting.id, by: Author(actor))
        } catch is WorkshopClosed {
            throw HTTPError(.conflict, message: "L'atelier n'est pas ouvert : il n'a pas de code à renouveler.")
        }
        return .redirect(to: SiteURL.board(.value(meeting.id)).path + "#rejoindre", type: .found)
    }

    /// The projected view's secret address: `nouveau` makes a new one (the former stops working) and opens it, for the
    /// animateur to copy to the projector's computer; `revoquer` ends it.
    @Sendable func setProjectionLink(request: Request, context: AppRequestContext) async throws -> Response {
        let (meeting, cycle) = try await cycles.meeting(namedBy: context)
        let actor = try gate.require(.runCycles(cycle.territory), request, context)
        switch try await QueryReader.form(request).single(BoardFormField.action) {
        case "nouveau":
            let token = try await workshop.renewProjectionToken(meetingID: meeting.id, territory: cycle.territory, by: Author(actor))
            return .redirect(
                to: SiteURL.board(.value(meeting.id)).path(query: [("vue", "projection"), (Self.projectionParameter, token)]), type: .found)
        case "revoquer":
            try await workshop.revokeProjectionToken(meetingID: meeting.id, territory: cycle.territory, by: Author(actor))
            return .redirect(to: SiteURL.board(.value(meeting.id)).path + "#projection", type: .found)
        default: throw HTTPError(.badRequest, message: "« action » attend : nouveau ou revoquer.")
        }
    }

    // MARK: Helpers

    /// The projection token the request carries, when it is the meeting's live one.
    private func liveProjectionToken(_ reader: QueryReader, _ meeting: Meeting) async throws -> String? {
        guard let token = try reader.single(Self.projectionParameter), try await workshop.isProjectionToken(token, meetingID: meeting.id) else {
            return nil
        }
        return token
    }

    /// Who may follow the open workshop live: a participant on this meeting's pass, an animateur of the territory, or
    /// the projected view opened with the live projection token.
    private func mayWatch(_ meeting: Meeting, _ cycle: Cycle, _ context: AppRequestContext, projectionToken: String?) -> Bool {
        meeting.workshop == .ouvert
            && (context.visitor.workshopPass?.meetingID == meeting.id || projectionToken != nil
                || gate.allows(context, .runCycles(cycle.territory)))
    }

    /// Makes a meeting's snapshot from the territory's diagnostic, directory and register as they are now.
    private func snapshotMaker(territory siren: Siren) async throws -> SetWorkshopState.SnapshotMaker {
        let store = index.snapshot
        guard let epci = store.index.territory.epcis[siren] else { throw HTTPError(.notFound, message: "Ce territoire n'est pas dans la base.") }
        let diagnostic = try store.diagnostic(of: .epci(epci))
        let members = Set(epci.members)
        let places = store.index.entries.filter { $0.place.codeInsee.map(members.contains) ?? false }
            .map { MeetingSnapshot.PlaceEntry(id: $0.place.id, name: $0.place.nom.displayCased, commune: $0.place.codeInsee) }
        let missing = try await missingPlaces.all(territory: siren)
        return { meeting, figures in
            MeetingSnapshot(meetingID: meeting.id, takenAt: Date(), diagnostic: diagnostic, places: places, missing: missing, figures: figures)
        }
    }

    /// Who writes a card: a participant on this meeting's pass, or a signed-in person who may contribute to the
    /// territory's meetings; nil for anyone else.
    private func contributor(_ meeting: Meeting, _ cycle: Cycle, _ context: AppRequestContext) -> String? {
        if let pass = context.visitor.workshopPass, pass.meetingID == meeting.id { return pass.label }
        if let actor = context.visitor.actor, gate.allows(context, .contribute(cycle.territory)) { return actor.name }
        return nil
    }

    private func boardPage(
        _ meeting: Meeting, _ cycle: Cycle, _ request: Request, _ context: AppRequestContext, table: CommuneCode?,
        isProjection: Bool, projectionToken: String? = nil, draft: WorkshopCard? = nil,
        problems: [FieldProblem] = []
    ) async throws -> Response {
        let author = contributor(meeting, cycle, context)
        let canModerate = gate.allows(context, .runCycles(cycle.territory))
        let page = BoardPage(
            .init(
                meeting: meeting, cycle: cycle, cards: try await workshop.cards(meetingID: meeting.id),
                personas: try await personas.all(territory: cycle.territory).map(\.persona), index: index.current,
                structures: index.structures,
                version: try await cycles.version(meetingID: meeting.id) ?? 0, table: table, isProjection: isProjection,
                canContribute: author != nil, canModerate: canModerate,
                showsJoinCode: canModerate || projectionToken != nil, projectionToken: projectionToken,
                mayWatch: mayWatch(meeting, cycle, context, projectionToken: projectionToken),
                hasProjectionLink: canModerate && !isProjection ? try await workshop.hasProjectionToken(meetingID: meeting.id) : false,
                contributor: author, siteURL: siteURL,
                clientKey: draft?.clientKey ?? String(SecretToken.make().prefix(22)), draft: draft, problems: problems))
        return try pages.formPage(page, request, context, secureCookies: secureCookies)
    }

}
