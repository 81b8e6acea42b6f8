import Foundation
import Hummingbird
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage

/// The coordinators' review: the queue of declarations (proposé → à vérifier → validé / refusé), a declaration
/// compared field by field with the place and each source, the decision field by field, and the disagreements
/// between validated fields and what the national files later say.
struct ReviewController {
    let index: IndexStore
    let database: AppDatabase
    let review: DeclarationReview
    let pages: PageRenderer
    let gate: AccessGate

    func register(on router: Router<AppRequestContext>) {
        router.get(.declarations, use: queue)
        router.get(.declaration(.key), use: show)
        router.post(.takeDeclaration(.key), use: take)
        router.post(.decideDeclaration(.key), use: decide)
        router.get(.disagreements(.key), use: disagreements)
        router.post(.disagreements(.key), use: settle)
    }

    @Sendable func queue(request: Request, context: AppRequestContext) async throws -> HTML {
        let actor = try gate.signedIn(request, context)
        let territories = reviewed(by: actor)
        guard actor.isAdministrator || !territories.isEmpty else {
            throw HTTPError(.forbidden, message: "La vérification des déclarations revient aux coordinateurs du territoire.")
        }
        let filter = (try? QueryReader(request).single("statut")) ?? nil
        let chosen = DeclarationsPage.filterValues.first { $0.0 == filter } ?? DeclarationsPage.filterValues[0]
        let list = try await database.declarations.list(.init(territories: actor.isAdministrator ? nil : territories, statuses: chosen.2))
        let named =
            (actor.isAdministrator
            ? Set(index.current.territory.epcis.keys).intersection(Set(list.map(\.territory))).union(territories) : territories)
            .sorted { $0.rawValue < $1.rawValue }.map { ($0, index.current.territory.epcis[$0]?.name ?? $0.rawValue) }
        return pages.render(DeclarationsPage(declarations: list, filter: chosen.0, territories: named), for: context.visitor)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> HTML {
        let declaration = try await find(context)
        try gate.require(.review(declaration.territory), request, context)
        return try await page(declaration, context: context)
    }

    @Sendable func take(request: Request, context: AppRequestContext) async throws -> Response {
        let declaration = try await find(context)
        let actor = try gate.require(.review(declaration.territory), request, context)
        do {
            try await database.declarations.take(id: declaration.id, by: Author(actor))
        } catch is DeclarationRepository.AlreadyDecided {
            throw HTTPError(.conflict, message: "Cette déclaration a déjà été prise en charge ou décidée.")
        }
        return .redirect(to: SiteURL.declaration(.value("\(declaration.id)")).path, type: .found)
    }

    @Sendable func decide(request: Request, context: AppRequestContext) async throws -> Response {
        let declaration = try await find(context)
        let actor = try gate.require(.review(declaration.territory), request, context)
        let reader = try await QueryReader.form(request)
        let validated = (try? reader.single(ReviewFormField.decision)) == "valider"
        let accepted = Set(((try? reader.all(ReviewFormField.champ)) ?? []).compactMap(StandardColumn.init(rawValue:)))
            .intersection(declaration.fields.map(\.column))
        let reason: String?
        do { reason = try reader.text(ReviewFormField.motif, maximumLength: 500) } catch {
            return try await refused(declaration, [error.message], request, context)
        }
        if !validated && reason == nil {
            return try await refused(declaration, ["Indiquez le motif du refus : il est transmis à l'auteur."], request, context)
        }
        if validated && declaration.kind != .report && accepted.isEmpty {
            return try await refused(declaration, ["Cochez au moins un champ à accepter, ou refusez la déclaration."], request, context)
        }
        do {
            try await review.decide(id: declaration.id, validated: validated, accepting: accepted, reason: reason, by: Author(actor))
        } catch is DeclarationRepository.AlreadyDecided {
            throw HTTPError(.conflict, message: "Quelqu'un a décidé de cette déclaration entre-temps : rien n'a été écrasé.")
        } catch let error as DeclarationReview.IncompletePlace {
            return try await refused(declaration, error.problems.map { "\($0.column.label) : il faut \($0.expected)" }, request, context)
        }
        // This instance shows the result at once; the others follow the change log.
        try await index.refreshIfChanged()
        return .redirect(to: SiteURL.declaration(.value("\(declaration.id)")).path, type: .found)
    }

    @Sendable func disagreements(request: Request, context: AppRequestContext) async throws -> HTML {
        let siren = try context.territoryParameter(in: index.current)
        try gate.require(.review(siren), request, context)
        return pages.render(
            DisagreementsPage(
                territoryName: index.current.territory.epcis[siren]?.name ?? siren.rawValue, siren: siren,
                rows: try await Self.disagreements(in: siren, index: index.current, database: database)), for: context.visitor)
    }

    @Sendable func settle(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try context.territoryParameter(in: index.current)
        let actor = try gate.require(.review(siren), request, context)
        let reader = try await QueryReader.form(request)
        guard let anchor = try reader.single(ReviewFormField.ancre),
            let column = try reader.single(ReviewFormField.colonne).flatMap(StandardColumn.init(rawValue:)),
            let choice = try reader.single(ReviewFormField.choix), ["garder", "reprendre"].contains(choice),
            try await Self.disagreements(in: siren, index: index.current, database: database).contains(where: {
                $0.anchor == anchor && $0.column == column.rawValue
            })
        else { throw HTTPError(.badRequest, message: "Ce désaccord n'existe pas (ou plus) dans ce territoire.") }
        do {
            try await review.settle(anchor: anchor, column: column, keepDeclared: choice == "garder", territory: siren, by: Author(actor))
        } catch is DeclarationRepository.AlreadyDecided {
            throw HTTPError(.conflict, message: "Ce désaccord a été tranché entre-temps.")
        }
        try await index.refreshIfChanged()
        return .redirect(to: SiteURL.disagreements(.value(siren)).path, type: .found)
    }

    /// The validated fields of a territory's places that the national files now contradict.
    static func disagreements(in siren: Siren, index: PlaceIndex, database: AppDatabase) async throws -> [DisagreementsPage.Row] {
        let byRecord = index.entriesByRecord(ofTerritory: siren)
        return try await database.declarations.validatedFields().compactMap { field in
            guard field.hasNewNationalValue, let entry = byRecord[field.anchor] else { return nil }
            return DisagreementsPage.Row(
                placeName: entry.place.nom, placeURL: SiteURL.place(.value(entry.place.id)).path, anchor: field.anchor,
                column: field.column.rawValue, label: field.column.label, declared: field.value, baseline: field.baseline ?? "",
                national: field.national ?? "", validated: French.date(field.validatedAt))
        }
    }

    private func page(_ declaration: Declaration, context: AppRequestContext, errors: [String] = []) async throws -> HTML {
        let entry = declaration.placeID.flatMap(index.current.entry(id:))
        var records: [SourceRecord] = []
        if let entry {
            let keys = Set(entry.merged.provenances.map(\.key))
            records = try await database.places.records(inBlocks: [entry.place.blockKey], known: [:], on: database.sql).filter {
                keys.contains($0.provenance.key)
            }
        }
        var html = pages.render(
            DeclarationPage(
                declaration: declaration, current: entry?.place, records: records,
                structureName: declaration.structureID.flatMap { index.structures[$0]?.name }, errors: errors),
            for: context.visitor)
        if !errors.isEmpty { html.status = .unprocessableContent }
        return html
    }

    private func refused(_ declaration: Declaration, _ errors: [String], _ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await page(declaration, context: context, errors: errors).response(from: request, context: context)
    }

    private func find(_ context: AppRequestContext) async throws -> Declaration {
        guard let id = Int(try context.parameters.require("id")), let declaration = try await database.declarations.find(id: id) else {
            throw HTTPError(.notFound, message: "Cette déclaration n'existe pas.")
        }
        return declaration
    }

    /// The territories a person reviews.
    private func reviewed(by actor: Actor) -> Set<Siren> {
        Set(
            actor.grants.compactMap { grant in
                if grant.role == .coordinateur, case .territory(let siren) = grant.scope { siren } else { nil }
            })
    }
}
