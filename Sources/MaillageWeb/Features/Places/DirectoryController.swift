import Hummingbird
import MaillageCore
import MaillageImport
import MaillageStorage

/// `/lieux/:id`, `/communes/:code` and `/territoires/:siren`: the pages of one place, one commune, one EPCI.
struct DirectoryController {
    let index: any PlaceIndexReading & StructureDirectoryReading
    let builder: PlaceBuilder
    let pages: PageRenderer
    let gate: AccessGate
    let missingPlaces: MissingPlaceRepository

    func register(on router: Router<AppRequestContext>) {
        router.get(.place(.key), use: place)
        router.get(.commune(.key), use: commune)
        router.get(.territory(.key), use: territory)
    }

    @Sendable func place(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = index.current
        guard let entry = index.entry(id: try context.parameters.decoded("id")) else {
            throw HTTPError(.notFound, message: "Ce lieu n'existe pas ou plus.")
        }
        let structure = self.index.structures.structure(ofPlace: entry.place.id)
        return pages.render(
            PlacePage(
                entry: entry, merged: try await builder.explained(entry.merged), index: index, structure: structure,
                canDeclare: structure.map { gate.allows(context, .editStructure($0.id)) } ?? false), for: context.visitor)
    }

    @Sendable func commune(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = index.current
        guard let code = CommuneCode(try context.parameters.require("code")), let commune = index.territory.commune(code) else {
            throw HTTPError(.notFound, message: "Cette commune n'est pas dans la base.")
        }
        var register: [MissingPlace] = []
        if let epci = commune.epci { register = try await missingPlaces.all(territory: epci) }
        return pages.render(CommunePage(commune: commune, index: index, register: register), for: context.visitor)
    }

    @Sendable func territory(request: Request, context: AppRequestContext) async throws -> HTML {
        let index = index.current
        guard let siren = Siren(try context.parameters.require("siren")), let epci = index.territory.epcis[siren] else {
            throw HTTPError(.notFound, message: "Ce territoire n'est pas dans la base.")
        }
        return pages.render(TerritoryPage(epci: epci, index: index), for: context.visitor)
    }
}
