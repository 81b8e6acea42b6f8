import Hummingbird
import MaillageCore
import MaillageStorage

/// `/api/v1/personas`, `/api/v1/personas/:id`, `/api/v1/personas/:id/parcours?commune=&si=` and `/api/v1/atelier?communes=`.
struct PersonaAPIController {
    let index: any IndexSnapshotReading
    let personas: PersonaRepository
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.api(.personas)) { request, _ in
            let territory = try QueryReader(request).territory(default: focus)
            return try await personas.all(territory: territory).map { PersonaDTO($0.persona, version: $0.version) }
        }
        router.get(.api(.persona(.key))) { _, context in
            let stored = try await stored(context)
            return PersonaDTO(stored.persona, version: stored.version)
        }
        router.get(.api(.journey(.key))) { request, context in
            let computed = try JourneyRequest(QueryReader(request), persona: try await stored(context).persona, snapshot: index.snapshot)
            return JourneyDTO(computed.journey, whatIf: computed.whatIf)
        }
        router.get(.api(.workshop)) { request, _ in
            MatrixDTO(try await PersonaController.matrix(QueryReader(request), personas: personas, snapshot: index.snapshot, focus: focus))
        }
    }

    private func stored(_ context: AppRequestContext) async throws -> PersonaRepository.Stored {
        let id = try context.parameters.decoded("id")
        guard id.count <= 80, let stored = try await personas.find(id: id) else {
            throw APIError(status: .notFound, message: "aucun persona « \(id.prefix(80)) »", parameter: "id")
        }
        return stored
    }
}
