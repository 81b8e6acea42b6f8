import Foundation
import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// The partnership network of a territory: read by everyone; a structure's members (and the territory's animateurs
/// and coordinators) declare its links and make them evolve; the partner structure confirms them.
struct PartnershipController {
    let index: any PlaceIndexReading & StructureDirectoryReading & IndexSnapshotReading
    let partnerships: PartnershipRepository
    let referrals: ReferralRepository
    let cycles: CycleRepository
    let personas: PersonaRepository
    let pages: PageRenderer
    let gate: AccessGate
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.partnerships, use: list)
        router.post(.partnerships, use: create)
        router.get(.partnershipsCSV, use: csv)
        router.get(.referralCountsCSV, use: referralCounts)
        router.post(.partnership(.key), use: update)
        router.post(.confirmPartnership(.key), use: confirm)
        router.get(.api(.partnerships)) { request, _ in
            let siren = try index.knownTerritory(QueryReader(request), default: focus)
            return PartnershipNetworkDTO(try await network(siren).network, territory: siren, directory: index.structures)
        }
        router.get(.api(.partnershipSuggestions)) { request, _ in
            let reader = QueryReader(request)
            let siren = try index.knownTerritory(reader, default: focus)
            guard let asked = try suggestionRequest(reader, siren) else {
                throw ParameterError(parameter: "commune", message: "une commune du territoire")
            }
            let (network, links) = try await network(siren)
            return PartnershipSuggestionsDTO(
                try await suggestions(siren, network: network, links: links, for: asked), territory: siren,
                commune: asked.commune, minutes: asked.minutes)
        }
        router.get(.api(.referralFlows)) { request, _ in
            let siren = try index.knownTerritory(QueryReader(request), default: focus)
            return ReferralFlowsDTO(try await referrals.flows(territories: [siren]), territory: siren, directory: index.structures)
        }
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        let reader = QueryReader(request)
        let siren = try index.knownTerritory(reader, default: focus)
        let draft = PartnershipsPage.Draft(
            from: try reader.single(PartnershipFormField.de), to: try reader.single(PartnershipFormField.vers),
            kind: try reader.choice(PartnershipFormField.lien) ?? .orienteVers,
            notes: try reader.text(PartnershipFormField.notes, maximumLength: Partnership.maxNotesLength) ?? "",
            meetingID: try reader.single(PartnershipFormField.rencontre).flatMap(Int.init))
        return try await page(siren, context: context, draft: draft, suggestionsFor: try suggestionRequest(reader, siren))
    }

    /// The commune (`commune`, of the territory) and the longest trip by bus (`minutes`) suggestions are asked for.
    private func suggestionRequest(_ reader: QueryReader, _ siren: Siren) throws(ParameterError) -> (commune: CommuneCode, minutes: Double)? {
        guard let text = try reader.single(PartnershipFormField.commune) else { return nil }
        guard let commune = CommuneCode(text), index.current.territory.commune(commune)?.epci == siren else {
            // A well-formed code that names no commune of the territory is a 404, a malformed one a 400.
            throw ParameterError(parameter: "commune", message: "une commune du territoire", namesNothingKnown: CommuneCode(text) != nil)
        }
        return (commune, try reader.number(PartnershipFormField.minutes, 10...120) ?? Reach.occasionalTripByBus.minutes)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let siren = try index.knownTerritory(reader, default: focus)
        let from = try reader.single(PartnershipFormField.de) ?? ""
        let actor = try gate.require(.declarePartnership(from: from), request, context)
        let meetingID = try reader.single(PartnershipFormField.rencontre).flatMap(Int.init)
        var problems: [FieldProblem] = []
        if let meetingID, try await cycles.meeting(id: meetingID)?.territory != siren {
            problems.append(.init(field: "Rencontre", expected: "une rencontre du territoire"))
        }
        let link = Partnership(
            territory: siren, from: from, to: try reader.single(PartnershipFormField.vers) ?? "",
            kind: try reader.choice(PartnershipFormField.lien) ?? .autre,
            state: try reader.choice(PartnershipFormField.etat) ?? .envisage, origin: meetingID.map(Partnership.Origin.meeting) ?? .declared,
            notes: try reader.text(PartnershipFormField.notes, maximumLength: 20_000) ?? "", createdAt: Date())
        problems += link.problems(in: index.structures)
        if let structure = index.structures[from], structure.territory != siren {
            problems.append(.init(field: "Structure", expected: "une structure du territoire"))
        }
        guard problems.isEmpty else {
            var html = try await page(
                siren, context: context,
                draft: .init(
                    from: link.from, to: link.to, kind: link.kind, notes: String(link.notes.prefix(1_000)),
                    meetingID: meetingID), problems: problems)
            html.status = .unprocessableContent
            return try html.response(from: request, context: context)
        }
        do {
            _ = try await partnerships.create(link, by: Author(actor))
        } catch is DuplicatePartnership {
            throw HTTPError(
                .conflict,
                message: "Ce lien entre ces deux structures est déjà déclaré : faites-le évoluer dans la liste plutôt que de le déclarer à nouveau.")
        }
        return .redirect(to: SiteURL.partnerships.path(query: [("territoire", siren.rawValue)]), type: .found)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let link = try await find(context)
        guard let actor = context.visitor.actor else { throw SignInRequired(returnTo: request.uri.path) }
        guard canUpdate(link, context) else {
            throw HTTPError(.forbidden, message: "Seules les deux structures du lien et les animateurs du territoire le font évoluer.")
        }
        let reader = try await QueryReader.form(request)
        guard let state: PartnershipState = try reader.choice(PartnershipFormField.etat) else {
            throw HTTPError(.badRequest, message: "« etat » attend : envisage, existant, a_formaliser, formalise.")
        }
        let notes = try reader.text(PartnershipFormField.notes, maximumLength: Partnership.maxNotesLength) ?? ""
        try await partnerships.update(id: link.id, state: state, notes: notes, by: Author(actor))
        return .redirect(to: SiteURL.partnerships.path(query: [("territoire", link.territory.rawValue)]), type: .found)
    }

    @Sendable func confirm(request: Request, context: AppRequestContext) async throws -> Response {
        let link = try await find(context)
        let actor = try gate.require(.editStructure(link.to), request, context)
        try await partnerships.update(id: link.id, state: link.state, notes: link.notes, confirm: true, by: Author(actor))
        return .redirect(to: SiteURL.partnerships.path(query: [("territoire", link.territory.rawValue)]), type: .found)
    }

    /// `partenariats.csv`: every link of the territory, one per row, with the structures' names (never people's).
    @Sendable func csv(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try index.knownTerritory(QueryReader(request), default: focus)
        let directory = index.structures
        let rows = try await partnerships.all(territory: siren).map { link in
            [
                link.from, directory[link.from]?.name ?? "", link.kind.rawValue, link.to, directory[link.to]?.name ?? "", link.state.rawValue,
                link.confirmed ? "oui" : "non", { if case .meeting(let id) = link.origin { "\(id)" } else { "" } }(),
                CalendarDay(link.createdAt).description, link.notes
            ]
        }
        let document = CSVDialect.excel.document(
            [["structure", "nom_structure", "lien", "partenaire", "nom_partenaire", "etat", "confirme", "rencontre", "date", "notes"]]
                + rows)
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"partenariats-\(siren.rawValue).csv\""],
            body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }

    /// `orientations.csv`: how many orientations each pair of structures of the territory sent, never who for.
    @Sendable func referralCounts(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try index.knownTerritory(QueryReader(request), default: focus)
        let directory = index.structures
        let rows = try await referrals.flows(territories: [siren]).pairs.map { pair in
            [
                pair.from, directory[pair.from]?.name ?? "", pair.to, directory[pair.to]?.name ?? "", directory[pair.to]?.territory?.rawValue ?? "",
                "\(pair.count)", "\(pair.honoured)", pair.needs.map(\.rawValue).joined(separator: " | ")
            ]
        }
        let document = CSVDialect.excel.document(
            [
                [
                    "structure", "nom_structure", "destinataire", "nom_destinataire", "territoire_destinataire", "orientations",
                    "honorees", "besoins"
                ]
            ] + rows)
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"orientations-\(siren.rawValue).csv\""],
            body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }

    // MARK: Helpers

    private func canUpdate(_ link: Partnership, _ context: AppRequestContext) -> Bool {
        gate.allows(context, .declarePartnership(from: link.from)) || gate.allows(context, .editStructure(link.to))
            || gate.allows(context, .runCycles(link.territory))
    }

    private func page(
        _ siren: Siren, context: AppRequestContext, draft: PartnershipsPage.Draft, problems: [FieldProblem] = [],
        suggestionsFor asked: (commune: CommuneCode, minutes: Double)? = nil
    ) async throws -> HTML {
        let directory = index.structures
        let (network, links) = try await network(siren)
        let structures = network.structures
        var meetings: [Int: Meeting] = [:]
        for case .meeting(let id) in links.map(\.origin) where meetings[id] == nil { meetings[id] = try await cycles.meeting(id: id) }
        var suggestions: (commune: CommuneCode, minutes: Double, items: [PartnershipSuggestion])?
        if let asked {
            suggestions = (asked.commune, asked.minutes, try await self.suggestions(siren, network: network, links: links, for: asked))
        }
        return pages.render(
            PartnershipsPage(
                network: network, siren: siren, index: index.current, directory: directory, meetings: meetings,
                canUpdate: { canUpdate($0, context) }, canConfirm: { gate.allows(context, .editStructure($0.to)) },
                declarable: structures.filter { gate.allows(context, .declarePartnership(from: $0.id)) }, draft: draft,
                problems: problems, suggestions: suggestions, flows: try await referrals.flows(territories: [siren])),
            for: context.visitor)
    }

    /// The partnerships suggested for a commune's structures: from the journeys of the territory's personas placed there
    /// (the network's rules first), then from reach among the territory's structures and its neighbours' (a person may be
    /// sent across the boundary).
    private func suggestions(
        _ siren: Siren, network: PartnershipNetwork, links: [Partnership],
        for asked: (commune: CommuneCode, minutes: Double)
    ) async throws -> [PartnershipSuggestion] {
        let snapshot = index.snapshot, directory = snapshot.structures, places = snapshot.index
        let journeys = try await personas.all(territory: siren).compactMap {
            Journey.compute(for: $0.persona.living(in: asked.commune, territory: places.territory), index: places, rules: snapshot.rules)
        }
        let fromJourneys = PartnershipSuggestion.suggest(fromJourneys: journeys, structures: directory, index: places, links: links)
        let fromReach = PartnershipSuggestion.suggest(
            from: network.structures.filter { $0.communes.contains(asked.commune) },
            candidates: directory.structures(around: siren, in: places.territory), index: places,
            links: links, reach: Reach.occasionalTripByBus.within(asked.minutes), from: asked.commune)
        return PartnershipSuggestion.merged(journeys: fromJourneys, reach: fromReach)
    }

    /// The territory's network from its stored links (and every link, a structure gone from the directory included).
    private func network(_ siren: Siren) async throws -> (network: PartnershipNetwork, links: [Partnership]) {
        let places = index.current
        let links = try await partnerships.all(territory: siren)
        let network = PartnershipNetwork(
            structures: index.structures.structures(in: siren), links: links,
            communes: places.territory.epcis[siren]?.members ?? [], services: places.services(of:))
        return (network, links)
    }

    private func find(_ context: AppRequestContext) async throws -> Partnership {
        guard let id = Int(try context.parameters.require("id")), let link = try await partnerships.find(id: id) else {
            throw HTTPError(.notFound, message: "Ce partenariat n'existe pas.")
        }
        return link
    }
}
