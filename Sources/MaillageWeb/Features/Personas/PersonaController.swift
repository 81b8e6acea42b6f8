import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// The personas' pages: each territory's library, a persona's page, create, edit, duplicate, delete (forms posted, no
/// JavaScript), the journey page and the workshop matrix (`/atelier`, `/atelier.csv`). Reading is public (personas are
/// fictional); changing needs the animateur or coordinateur role of the persona's territory.
struct PersonaController {
    let index: any PlaceIndexReading & IndexSnapshotReading
    let personas: PersonaRepository
    let pages: PageRenderer
    let gate: AccessGate
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.personas, use: list)
        router.get(.newPersona, use: new)
        router.post(.personas, use: create)
        router.post(.seedPersonas, use: seed)
        router.get(.persona(.key), use: show)
        router.get(.editPersona(.key), use: edit)
        router.post(.editPersona(.key), use: update)
        router.post(.duplicatePersona(.key), use: duplicate)
        router.post(.deletePersona(.key), use: delete)
        router.get(.journey(.key), use: journey)
        router.get(.workshop, use: matrix)
        router.get(.workshopCSV, use: matrixCSV)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        let territory = try QueryReader(request).territory(default: focus)
        return pages.render(
            PersonasPage(
                personas: try await personas.all(territory: territory).map(\.persona), territory: territory,
                snapshot: index.snapshot, canEdit: gate.allows(context, .editPersonas(territory))), for: context.visitor)
    }

    @Sendable func new(request: Request, context: AppRequestContext) async throws -> HTML {
        let territory = try QueryReader(request).territory(default: focus)
        try gate.require(.editPersonas(territory), request, context)
        return pages.render(
            PersonaEditPage(
                persona: nil, version: nil, action: SiteURL.personas.path, territory: territory,
                names: index.current.territory), for: context.visitor)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let stored = try await stored(context)
        return pages.render(
            PersonaPage(
                (stored.persona, stored.version), territory: index.current.territory,
                canEdit: gate.allows(context, .editPersonas(stored.territory))), for: context.visitor)
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> HTML {
        let stored = try await stored(context)
        try gate.require(.editPersonas(stored.territory), request, context)
        return pages.render(
            PersonaEditPage(
                persona: stored.persona, version: stored.version,
                action: SiteURL.editPersona(.value(stored.persona.id)).path, names: index.current.territory),
            for: context.visitor)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let territory = try reader.territory(default: focus)
        let actor = try gate.require(.editPersonas(territory), request, context)
        let persona = try PersonaForm.persona(from: reader, id: nil, territory: index.current.territory, focus: focus)
        if let invalid = invalidForm(persona, version: nil, action: SiteURL.personas.path, territory: territory, context: context) {
            return try invalid.response(from: request, context: context)
        }
        let stored = try await personas.create(persona, territory: territory, by: Author(actor))
        return .redirect(to: SiteURL.persona(.value(stored.persona.id)).path, type: .found)
    }

    @Sendable func seed(request: Request, context: AppRequestContext) async throws -> Response {
        let territory = try await QueryReader.form(request).territory(default: focus)
        let actor = try gate.require(.editPersonas(territory), request, context)
        try await personas.seedDefaultLibrary(territory: territory, by: Author(actor))
        return .redirect(to: SiteURL.personas.path(query: [("territoire", territory.rawValue)]), type: .found)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let current = try await stored(context)
        let actor = try gate.require(.editPersonas(current.territory), request, context)
        let reader = try await QueryReader.form(request)
        let version = try Self.version(reader)
        let persona = try PersonaForm.persona(from: reader, id: current.persona.id, territory: index.current.territory, focus: focus)
        let action = SiteURL.editPersona(.value(persona.id)).path
        if let invalid = invalidForm(persona, version: version, action: action, territory: nil, context: context) {
            return try invalid.response(from: request, context: context)
        }
        do {
            _ = try await personas.update(persona, version: version, by: Author(actor))
        } catch is PersonaRepository.Conflict {
            throw HTTPError(
                .conflict,
                message:
                    "\(current.persona.firstName) a été modifié par quelqu'un d'autre pendant votre saisie ; rien n'a été écrasé. Rechargez la fiche et recommencez."
            )
        }
        return .redirect(to: SiteURL.persona(.value(persona.id)).path, type: .found)
    }

    @Sendable func duplicate(request: Request, context: AppRequestContext) async throws -> Response {
        let current = try await stored(context)
        let actor = try gate.require(.editPersonas(current.territory), request, context)
        var copy = current.persona
        copy.firstName = String("\(copy.firstName) (copie)".prefix(60))
        let stored = try await personas.create(copy, territory: current.territory, by: Author(actor))
        return .redirect(to: SiteURL.editPersona(.value(stored.persona.id)).path, type: .found)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let current = try await stored(context)
        let actor = try gate.require(.editPersonas(current.territory), request, context)
        let version = try Self.version(try await QueryReader.form(request))
        do {
            try await personas.delete(id: current.persona.id, version: version, by: Author(actor))
        } catch is PersonaRepository.Conflict {
            throw HTTPError(.conflict, message: "\(current.persona.firstName) a été modifié entre-temps ; rien n'a été supprimé.")
        }
        return .redirect(to: SiteURL.personas.path(query: [("territoire", current.territory.rawValue)]), type: .found)
    }

    @Sendable func journey(request: Request, context: AppRequestContext) async throws -> HTML {
        let stored = try await stored(context)
        let snapshot = index.snapshot
        let index = snapshot.index
        let computed = try JourneyRequest(QueryReader(request), persona: stored.persona, snapshot: snapshot)
        return pages.render(
            JourneyPage(
                journey: computed.journey, baseline: computed.baseline, applied: computed.whatIf,
                baseURL: SiteURL.journey(.value(stored.persona.id)).path, commune: computed.commune, index: index),
            for: context.visitor)
    }

    @Sendable func matrix(request: Request, context: AppRequestContext) async throws -> HTML {
        let reader = QueryReader(request)
        let matrix = try await Self.matrix(reader, personas: personas, snapshot: index.snapshot, focus: focus, names: true)
        let query = (try? reader.single("communes")).flatMap { $0 }.map { URLQuery.encode([("communes", $0)]) } ?? ""
        return pages.render(MatrixPage(matrix: matrix, communesQuery: query), for: context.visitor)
    }

    @Sendable func matrixCSV(request: Request, context: AppRequestContext) async throws -> Response {
        let matrix = try await Self.matrix(QueryReader(request), personas: personas, snapshot: index.snapshot, focus: focus, names: true)
        return Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"atelier.csv\""],
            body: .init(byteBuffer: ByteBuffer(bytes: MatrixCSVWriter.write(matrix))))
    }

    /// The most journeys one matrix computes (personas × communes): each is a search per need, and a request must stay
    /// bounded whatever it asks.
    static let maxMatrixCells = 240

    /// The matrix of a territory's personas (`territoire`, the focus territory by default) over the communes asked for
    /// (the three focus communes by default), refused beyond ``maxMatrixCells`` journeys.
    static func matrix(
        _ reader: QueryReader, personas: PersonaRepository, snapshot: IndexStore.Snapshot, focus: Siren,
        names: Bool = false
    ) async throws -> WorkshopMatrix {
        let index = snapshot.index
        let communes =
            try reader.single("communes").map { list in
                try Perimeter.Request(communes: list).resolve(in: index.territory, default: focus, maxCommunes: 60, names: names).communes
            } ?? WorkshopMatrix.focusCommunes
        let territory = try reader.territory(default: focus)
        let library = try await personas.all(territory: territory).map(\.persona)
        guard library.count * communes.count <= maxMatrixCells else {
            throw ParameterError(
                parameter: "communes",
                message:
                    "avec \(library.count) personas, une matrice compte au plus \(maxMatrixCells / max(1, library.count)) communes (\(maxMatrixCells) parcours) : ici \(communes.count), choisissez-en moins"
            )
        }
        return try snapshot.matrix(personas: library, communes: communes)
    }

    /// The library asked for (`territoire`), or the focus territory.
    private func stored(_ context: AppRequestContext) async throws -> PersonaRepository.Stored {
        let id = try context.parameters.decoded("id")
        guard id.count <= 80, let stored = try await personas.find(id: id) else { throw HTTPError(.notFound, message: "Persona inconnu") }
        return stored
    }

    /// The form again with what to fix, or nil when the persona can be saved.
    private func invalidForm(_ persona: Persona, version: Int?, action: String, territory: Siren?, context: AppRequestContext) -> HTML? {
        let errors = persona.validationErrors(in: index.current.territory)
        guard !errors.isEmpty else { return nil }
        var page = pages.render(
            PersonaEditPage(
                persona: persona, version: version, action: action, territory: territory,
                names: index.current.territory, errors: errors.map(\.sentence)), for: context.visitor)
        page.status = .unprocessableContent
        return page
    }

    private static func version(_ reader: QueryReader) throws -> Int {
        guard let text = try reader.single(PersonaFormField.version), let version = Int(text) else {
            throw ParameterError(parameter: "version", message: "version de la fiche manquante : rechargez la page")
        }
        return version
    }
}
