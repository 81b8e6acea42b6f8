import Hummingbird
import MaillageCore

/// `/api/v1/personas`, `/api/v1/personas/:id`, `/api/v1/personas/:id/parcours?commune=&si=` and `/api/v1/atelier?communes=`.
struct PersonaAPIController {
    let state: AppState

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("personas") { _, _ in try await state.database.personas.all().map { PersonaDTO($0.persona, version: $0.version) } }
        group.get("personas/:id") { _, context in
            let stored = try await stored(context)
            return PersonaDTO(stored.persona, version: stored.version)
        }
        group.get("personas/:id/parcours") { request, context in
            let computed = try JourneyRequest(QueryReader(request), persona: try await stored(context).persona, index: state.index.current)
            return JourneyDTO(computed.journey, whatIf: computed.whatIf)
        }
        group.get("atelier") { request, _ in MatrixDTO(try await PersonaController.matrix(QueryReader(request), state: state)) }
    }

    private func stored(_ context: AppRequestContext) async throws -> (persona: Persona, version: Int) {
        let id = try context.parameters.require("id")
        guard id.count <= 80, let stored = try await state.database.personas.find(id: id) else {
            throw APIError(status: .notFound, message: "aucun persona « \(id.prefix(80)) »", parameter: "id")
        }
        return (stored.persona, stored.version)
    }
}
