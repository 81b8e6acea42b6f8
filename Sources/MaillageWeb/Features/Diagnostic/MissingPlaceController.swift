import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

/// The missing places register of a territory: read by everyone, added to and supported by the territory's people
/// (one support each), its status and priority decided by the coordinators; an opened one points to its place.
struct MissingPlaceController {
    let index: any PlaceIndexReading
    let missingPlaces: MissingPlaceRepository
    let pages: PageRenderer
    let gate: AccessGate
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.missingPlaces, use: list)
        router.get(.newMissingPlace, use: new)
        router.post(.missingPlaces, use: create)
        router.post(.supportMissingPlace(.key), use: support)
        router.post(.updateMissingPlace(.key), use: update)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        let siren = try index.knownTerritory(QueryReader(request), default: focus)
        return try await page(siren, context: context, showsForm: false)
    }

    @Sendable func new(request: Request, context: AppRequestContext) async throws -> HTML {
        let reader = QueryReader(request)
        let siren = try index.knownTerritory(reader, default: focus)
        let actor = try gate.require(.proposePlace(siren), request, context)
        let draft = MissingPlace(
            territory: siren, commune: try reader.single(MissingPlaceFormField.commune).flatMap(CommuneCode.init), qpv: nil,
            services: try reader.list(MissingPlaceFormField.services), publics: [],
            needs: try reader.all(MissingPlaceFormField.besoins).compactMap(MissingPlace.Need.init(rawValue:)),
            justification: try reader.text(MissingPlaceFormField.justification, maximumLength: 2_000) ?? "",
            origin: try reader.choice(MissingPlaceFormField.origine) ?? .byHand, createdAt: Date(), author: Author(actor))
        return try await page(siren, context: context, showsForm: true, draft: draft)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let siren = try index.knownTerritory(reader, default: focus)
        let actor = try gate.require(.proposePlace(siren), request, context)
        var errors: [String] = []
        let territory = index.current.territory
        let commune = try reader.single(MissingPlaceFormField.commune).flatMap(CommuneCode.init)
        if let commune, territory.commune(commune)?.epci != siren { errors.append("Commune : une commune du territoire") }
        let qpv = try reader.single(MissingPlaceFormField.qpv)
        if let qpv, territory.qpvs[qpv] == nil { errors.append("Quartier prioritaire : un code QPV connu (ex. QP059016)") }
        let services: [Service] = try reader.list(MissingPlaceFormField.services)
        let publics: [TargetPublic] = try reader.list(MissingPlaceFormField.publics)
        let needs = try reader.all(MissingPlaceFormField.besoins).compactMap(MissingPlace.Need.init(rawValue:))
        if services.isEmpty && needs.isEmpty { errors.append("Services ou besoins : cochez au moins un service attendu ou un besoin") }
        let justification = try reader.text(MissingPlaceFormField.justification, maximumLength: MissingPlace.maxJustificationLength)
        if justification == nil { errors.append("Justification : dites pourquoi ce lieu manque") }
        let draft = MissingPlace(
            territory: siren, commune: commune, qpv: qpv, services: services, publics: publics, needs: needs,
            justification: justification ?? "", origin: try reader.choice(MissingPlaceFormField.origine) ?? .byHand, createdAt: Date(),
            author: Author(actor))
        guard errors.isEmpty else {
            var html = try await page(siren, context: context, showsForm: true, draft: draft, errors: errors)
            html.status = .unprocessableContent
            return try html.response(from: request, context: context)
        }
        _ = try await missingPlaces.create(draft)
        return .redirect(to: SiteURL.missingPlaces.path(query: [("territoire", siren.rawValue)]), type: .found)
    }

    @Sendable func support(request: Request, context: AppRequestContext) async throws -> Response {
        let missing = try await find(context)
        let actor = try gate.require(.proposePlace(missing.territory), request, context)
        _ = try await missingPlaces.support(id: missing.id, by: actor)
        return .redirect(to: SiteURL.missingPlaces.path(query: [("territoire", missing.territory.rawValue)]), type: .found)
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let missing = try await find(context)
        let actor = try gate.require(.review(missing.territory), request, context)
        let reader = try await QueryReader.form(request)
        guard let status: MissingPlaceStatus = try reader.choice(MissingPlaceFormField.statut),
            let priority = try reader.single(MissingPlaceFormField.priorite).flatMap(Int.init), (1...3).contains(priority)
        else {
            throw HTTPError(.badRequest, message: "Choisissez un état et une priorité de 1 à 3.")
        }
        let placeID = try reader.single(MissingPlaceFormField.lieu)
        if let placeID, index.current.entry(id: placeID) == nil {
            throw HTTPError(
                .unprocessableContent, message: "Aucun lieu n'a l'identifiant « \(placeID) » : proposez d'abord le lieu ouvert, puis reliez-le.")
        }
        if status == .ouverte && placeID == nil {
            throw HTTPError(
                .unprocessableContent, message: "Un lieu ouvert est relié à sa fiche : indiquez son identifiant (ou proposez-le d'abord).")
        }
        try await missingPlaces.update(id: missing.id, status: status, priority: priority, placeID: placeID, by: Author(actor))
        return .redirect(to: SiteURL.missingPlaces.path(query: [("territoire", missing.territory.rawValue)]), type: .found)
    }

    private func page(
        _ siren: Siren, context: AppRequestContext, showsForm: Bool, draft: MissingPlace? = nil, errors: [String] = []
    ) async throws -> HTML {
        pages.render(
            MissingPlacesPage(
                register: try await missingPlaces.all(territory: siren), siren: siren, index: index.current,
                canPropose: gate.allows(context, .proposePlace(siren)), canDecide: gate.allows(context, .review(siren)),
                showsForm: showsForm, draft: draft, errors: errors), for: context.visitor)
    }

    private func find(_ context: AppRequestContext) async throws -> MissingPlace {
        guard let id = Int(try context.parameters.require("id")), let missing = try await missingPlaces.find(id: id) else {
            throw HTTPError(.notFound, message: "Ce lieu manquant n'est pas au registre.")
        }
        return missing
    }
}
