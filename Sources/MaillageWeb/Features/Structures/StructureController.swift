import Foundation
import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// `/structures` and `/structures/:id`: the actors of the network, recognised from the data; a structure's members
/// (and the territory's coordinators) complete its name, kind, contact and communes served.
struct StructureController {
    let index: any PlaceIndexReading & StructureDirectoryReading & IndexRefreshing
    let structures: StructureRepository
    let partnerships: PartnershipRepository
    let pages: PageRenderer
    let gate: AccessGate
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.structures, use: list)
        router.get(.structure(.key), use: show)
        router.post(.structure(.key), use: complete)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        let siren = try QueryReader(request).territory(default: focus)
        let territory = index.current.territory
        return pages.render(
            StructuresPage(
                structures: index.structures.structures(in: siren), territoryName: territory.epcis[siren]?.name ?? siren.rawValue,
                territory: territory), for: context.visitor)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let structure = try find(context)
        var links: [Partnership] = []
        if let territory = structure.territory { links = try await partnerships.all(territory: territory) }
        return pages.render(
            StructurePage(
                structure: structure, index: index.current, canEdit: gate.allows(context, .editStructure(structure.id)),
                partnerships: links.filter { $0.from == structure.id || $0.to == structure.id }, directory: index.structures),
            for: context.visitor)
    }

    @Sendable func complete(request: Request, context: AppRequestContext) async throws -> Response {
        let structure = try find(context)
        let actor = try gate.require(.editStructure(structure.id), request, context)
        let reader = try await QueryReader.form(request)
        var errors: [String] = []
        let name = (try? reader.single(StructureFormField.nom)) ?? nil
        if name == nil { errors.append("Nom : champ obligatoire (200 caractères au plus)") }
        if let name, DeclaredName.isRefused(name) { errors.append("Nom : \(DeclaredName.expectation)") }
        let kind: StructureKind? = try? reader.choice(StructureFormField.type)
        if kind == nil { errors.append("Type : choisissez dans la liste") }
        let email = ((try? reader.single(StructureFormField.courriel)) ?? nil).map { StandardField.normalised(.courriels, $0) }
        if let email, StandardConformance.problems(in: [.courriels: email]).first != nil || email.contains("|") {
            errors.append("Courriel : une seule adresse électronique (nom@domaine.fr)")
        }
        let phone = ((try? reader.single(StructureFormField.telephone)) ?? nil).map { StandardField.normalised(.telephone, $0) }
        if let phone, StandardConformance.problems(in: [.telephone: phone]).first != nil {
            errors.append("Téléphone : un numéro français, ex. 03 27 00 00 00")
        }
        let codes =
            ((try? reader.text(StructureFormField.communes, maximumLength: 600)) ?? nil)?.split(whereSeparator: { $0 == " " || $0 == "," }) ?? []
        let communes = codes.compactMap { CommuneCode(String($0)) }.filter { index.current.territory.commune($0) != nil }
        if communes.count != codes.count { errors.append("Communes desservies : des codes INSEE de communes connues, séparés par des espaces") }
        guard errors.isEmpty, let name, let kind else {
            var page = pages.render(StructurePage(structure: structure, index: index.current, canEdit: true, errors: errors), for: context.visitor)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        }
        try await structures.save(
            StructureCompletion(
                structureID: structure.id, name: name, kind: kind, contactEmail: email, contactPhone: phone,
                communes: communes), territory: structure.territory, by: Author(actor))
        try await index.refreshIfChanged()
        return .redirect(to: SiteURL.structure(.value(structure.id)).path, type: .found)
    }

    private func find(_ context: AppRequestContext) throws -> Structure {
        let id = try context.parameters.decoded("id")
        guard id.count <= 200, let structure = index.structures[id] else { throw HTTPError(.notFound, message: "Cette structure n'existe pas.") }
        return structure
    }
}
