import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// The personas' pages: list, page, create, edit, duplicate, delete (forms posted, no JavaScript), the journey page
/// and the workshop matrix (`/atelier`, `/atelier.csv`).
struct PersonaController {
    let state: AppState

    func register(on router: Router<AppRequestContext>) {
        router.get("personas", use: list)
        router.get("personas/nouveau") { _, _ in state.pages.render(PersonaEditPage(persona: nil, version: nil, action: "/personas")) }
        router.post("personas", use: create)
        router.get("personas/:id", use: show)
        router.get("personas/:id/modifier", use: edit)
        router.post("personas/:id/modifier", use: update)
        router.post("personas/:id/dupliquer", use: duplicate)
        router.post("personas/:id/supprimer", use: delete)
        router.get("personas/:id/parcours", use: journey)
        router.get("atelier", use: matrix)
        router.get("atelier.csv", use: matrixCSV)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        state.pages.render(PersonasPage(personas: try await state.database.personas.all().map(\.persona), index: state.index.current))
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let stored = try await stored(context)
        return state.pages.render(PersonaPage((stored.persona, stored.version), territory: state.territory))
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> HTML {
        let stored = try await stored(context)
        return state.pages.render(PersonaEditPage(persona: stored.persona, version: stored.version,
                                                  action: "/personas/\(URLQuery.component(stored.persona.id))/modifier"))
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let persona = try PersonaForm.persona(from: reader, id: nil)
        if let invalid = invalidForm(persona, version: nil, action: "/personas") { return try invalid.response(from: request, context: context) }
        let stored = try await state.database.personas.create(persona)
        return .redirect(to: "/personas/\(URLQuery.component(stored.persona.id))", type: .found)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let current = try await stored(context)
        let reader = try await QueryReader.form(request)
        let version = try Self.version(reader)
        let persona = try PersonaForm.persona(from: reader, id: current.persona.id)
        let action = "/personas/\(URLQuery.component(persona.id))/modifier"
        if let invalid = invalidForm(persona, version: version, action: action) { return try invalid.response(from: request, context: context) }
        do {
            _ = try await state.database.personas.update(persona, version: version)
        } catch is PersonaRepository.Conflict {
            throw HTTPError(.conflict, message: "\(current.persona.firstName) a été modifié par quelqu'un d'autre pendant votre saisie ; rien n'a été écrasé. Rechargez la fiche et recommencez.")
        }
        return .redirect(to: "/personas/\(URLQuery.component(persona.id))", type: .found)
    }

    @Sendable func duplicate(request: Request, context: AppRequestContext) async throws -> Response {
        var copy = try await stored(context).persona
        copy.firstName = String("\(copy.firstName) (copie)".prefix(60))
        let stored = try await state.database.personas.create(copy)
        return .redirect(to: "/personas/\(URLQuery.component(stored.persona.id))/modifier", type: .found)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let current = try await stored(context)
        let version = try Self.version(try await QueryReader.form(request))
        do {
            try await state.database.personas.delete(id: current.persona.id, version: version)
        } catch is PersonaRepository.Conflict {
            throw HTTPError(.conflict, message: "\(current.persona.firstName) a été modifié entre-temps ; rien n'a été supprimé.")
        }
        return .redirect(to: "/personas", type: .found)
    }

    @Sendable func journey(request: Request, context: AppRequestContext) async throws -> HTML {
        let stored = try await stored(context)
        let computed = try JourneyRequest(QueryReader(request), persona: stored.persona, index: state.index.current)
        return state.pages.render(JourneyPage(journey: computed.journey, baseline: computed.baseline, applied: computed.whatIf,
                                              baseURL: "/personas/\(URLQuery.component(stored.persona.id))/parcours", commune: computed.commune,
                                              index: state.index.current))
    }

    @Sendable func matrix(request: Request, context: AppRequestContext) async throws -> HTML {
        let reader = QueryReader(request)
        let matrix = try await Self.matrix(reader, state: state)
        let query = (try? reader.single("communes")).flatMap { $0 }.map { URLQuery.encode([("communes", $0)]) } ?? ""
        return state.pages.render(MatrixPage(matrix: matrix, communesQuery: query))
    }

    @Sendable func matrixCSV(request: Request, context: AppRequestContext) async throws -> Response {
        let matrix = try await Self.matrix(QueryReader(request), state: state)
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"atelier.csv\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: MatrixCSVWriter.write(matrix))))
    }

    /// The matrix of every stored persona over the communes asked for (the three focus communes by default).
    static func matrix(_ reader: QueryReader, state: AppState) async throws -> WorkshopMatrix {
        let index = state.index.current
        var communes = WorkshopMatrix.focusCommunes
        if let list = try reader.single("communes") {
            guard let codes = try? index.territory.communeCodes(inList: list), codes.count <= 60 else {
                throw ParameterError(parameter: "communes", message: "« communes » attend jusqu'à 60 codes INSEE connus, séparés par des virgules")
            }
            communes = codes
        }
        return WorkshopMatrix.compute(personas: try await state.database.personas.all().map(\.persona), communes: communes, index: index)
    }

    private func stored(_ context: AppRequestContext) async throws -> PersonaRepository.Stored {
        let id = try context.parameters.require("id")
        guard id.count <= 80, let stored = try await state.database.personas.find(id: id) else { throw HTTPError(.notFound, message: "Persona inconnu") }
        return stored
    }

    /// The form again with what to fix, or nil when the persona can be saved.
    private func invalidForm(_ persona: Persona, version: Int?, action: String) -> HTML? {
        let errors = persona.validationErrors(in: state.territory)
        guard !errors.isEmpty else { return nil }
        var page = state.pages.render(PersonaEditPage(persona: persona, version: version, action: action,
                                                      errors: errors.map { "\($0.field) : il faut \($0.message)" }))
        page.status = .unprocessableContent
        return page
    }

    private static func version(_ reader: QueryReader) throws -> Int {
        guard let text = try reader.single("version"), let version = Int(text) else {
            throw ParameterError(parameter: "version", message: "version de la fiche manquante : rechargez la page")
        }
        return version
    }
}

/// A journey asked for by a page or the API: the persona, optionally placed in another commune, optionally changed by
/// one what-if (with the journey before the change to compare).
struct JourneyRequest {
    var journey: Journey
    var baseline: Journey?
    var whatIf: WhatIf?
    var commune: CommuneCode

    init(_ reader: QueryReader, persona: Persona, index: PlaceIndex) throws {
        var placed = persona
        if let text = try reader.single("commune") {
            guard let code = CommuneCode(text), index.territory.commune(code) != nil else {
                throw ParameterError(parameter: "commune", message: "« commune » attend le code INSEE d'une commune connue")
            }
            placed = persona.living(in: code, territory: index.territory)
        }
        commune = placed.commune
        if let text = try reader.single("si") {
            guard let change = WhatIf(rawValue: text) else {
                throw ParameterError(parameter: "si", message: "« si » : \(WhatIf.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            whatIf = change
        }
        guard let base = Journey.compute(for: placed, index: index) else { throw HTTPError(.notFound, message: "Commune du persona inconnue") }
        if let whatIf, let changed = whatIf.applied(to: placed), let journey = Journey.compute(for: changed, index: index) {
            self.journey = journey
            baseline = base
        } else {
            journey = base
        }
    }
}
