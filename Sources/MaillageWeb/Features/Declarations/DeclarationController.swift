import Foundation
import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// What the actors say about places: a structure's member declares its place's offer (`/lieux/:id/declarer`), a
/// participant or member proposes a place the open data lacks (`/proposer-un-lieu`), anyone reports an error
/// (`/lieux/:id/signaler`). Each makes a declaration for the coordinators' review; nothing changes a place before.
struct DeclarationController {
    let index: any PlaceIndexReading & StructureDirectoryReading
    let declarations: DeclarationRepository
    let throttle: AttemptThrottle
    let pages: PageRenderer
    let gate: AccessGate
    let secureCookies: Bool

    func register(on router: Router<AppRequestContext>) {
        router.get(.declarePlace(.key), use: declareForm)
        router.post(.declarePlace(.key), use: declare)
        router.get(.proposePlace, use: proposeForm)
        router.post(.proposePlace, use: propose)
        router.get(.reportPlace(.key), use: reportForm)
        router.post(.reportPlace(.key), use: report)
    }

    // MARK: - A structure's place

    @Sendable func declareForm(request: Request, context: AppRequestContext) async throws -> HTML {
        let (entry, structure) = try place(context)
        try gate.require(.editStructure(structure.id), request, context)
        return pages.render(declarationPage(entry, form: PlaceForm(place: entry.place)), for: context.visitor)
    }

    @Sendable func declare(request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, structure) = try place(context)
        let actor = try gate.require(.editStructure(structure.id), request, context)
        let reader = try await QueryReader.form(request)
        let columns = PlaceForm.correctionColumns
        var form = PlaceForm(reader: reader, columns: columns)
        let current = entry.place
        guard let proposed = form.apply(to: current, columns: columns) else {
            return try invalid(declarationPage(entry, form: form), request, context)
        }
        if (try? reader.single(PlaceFormField.etape)) == "apercu" {
            return try pages.render(declarationPage(entry, form: form, showPreview: true), for: context.visitor).response(
                from: request, context: context)
        }
        let changes = PlaceForm.changes(from: current, to: proposed, columns: columns)
        guard !changes.isEmpty else {
            return try pages.render(
                declarationPage(entry, form: form, notice: "Aucun changement par rapport à la fiche actuelle : rien n'a été envoyé."),
                for: context.visitor
            ).response(from: request, context: context)
        }
        guard let territory = entry.epci ?? structure.territory else {
            throw HTTPError(.unprocessableContent, message: "Ce lieu n'est rattaché à aucun territoire : déclaration impossible.")
        }
        let declaration = try await declarations.create(
            Declaration(
                kind: .correction, placeID: entry.place.id, anchor: entry.merged.anchor, territory: territory, structureID: structure.id,
                placeName: current.nom,
                author: Author(actor), createdAt: Date(), fields: changes))
        return try sent(declaration, placeURL: SiteURL.place(.value(entry.place.id)).path, request, context)
    }

    private func declarationPage(_ entry: PlaceIndex.Entry, form: PlaceForm, notice: String? = nil, showPreview: Bool = false) -> PlaceFormPage {
        PlaceFormPage(
            heading: "Mettre à jour « \(entry.place.nom) »",
            intro:
                "Chaque champ du standard national des lieux de médiation numérique (v1.0.2). Ce que vous déclarez passe avant les fichiers nationaux, une fois validé.",
            action: SiteURL.declarePlace(.value(entry.place.id)).path, placeURL: SiteURL.place(.value(entry.place.id)).path, form: form,
            columns: PlaceForm.correctionColumns, notice: notice, showPreview: showPreview)
    }

    // MARK: - A new place

    @Sendable func proposeForm(request: Request, context: AppRequestContext) async throws -> HTML {
        try gate.signedIn(request, context)
        var form = PlaceForm(
            place: Place(id: "", pivot: "", nom: "", commune: "", codePostal: "", codeInsee: nil, adresse: "", dateMaj: CalendarDay(Date())))
        if let code = (try? QueryReader(request).single("commune")) ?? nil, let commune = CommuneCode(code).flatMap(index.current.territory.commune) {
            form.values[.codeInsee] = commune.code.rawValue
            form.values[.commune] = commune.name
            form.values[.codePostal] = commune.postalCode
        }
        // A workshop card carried here gives the place's name.
        if let name = (try? QueryReader(request).text("nom", maximumLength: 300)) ?? nil { form.values[.nom] = name }
        return pages.render(newPlacePage(form: form), for: context.visitor)
    }

    @Sendable func propose(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let reader = try await QueryReader.form(request)
        let columns = PlaceForm.newPlaceColumns
        var form = PlaceForm(reader: reader, columns: columns)
        let commune = form.values[.codeInsee].flatMap(CommuneCode.init).flatMap(index.current.territory.commune)
        // Who may propose depends on the commune's territory: asked before the form is checked, so that a refusal says nothing of it.
        if let territory = commune?.epci { try gate.require(.proposePlace(territory), request, context) }
        if let commune {
            if (form.values[.commune] ?? "").isEmpty { form.values[.commune] = commune.name }
            if (form.values[.codePostal] ?? "").isEmpty { form.values[.codePostal] = commune.postalCode }
        } else {
            form.errors.append("\(StandardColumn.codeInsee.label) : indiquez le code INSEE d'une commune connue (ex. 59172 pour Denain)")
        }
        for column in [StandardColumn.nom, .adresse] where (form.values[column] ?? "").isEmpty {
            form.errors.append("\(column.label) : champ obligatoire")
        }
        let empty = Place(id: "", pivot: "", nom: "", commune: "", codePostal: "", codeInsee: nil, adresse: "", dateMaj: CalendarDay(Date()))
        guard let proposed = form.apply(to: empty, columns: columns), let commune, let territory = commune.epci else {
            return try invalid(newPlacePage(form: form), request, context)
        }
        if (try? reader.single(PlaceFormField.etape)) == "apercu" {
            return try pages.render(newPlacePage(form: form, showPreview: true), for: context.visitor).response(from: request, context: context)
        }
        let fields = PlaceForm.changes(from: empty, to: proposed, columns: columns)
        let declaration = try await declarations.create(
            Declaration(
                kind: .newPlace, placeID: nil, anchor: nil, territory: territory, structureID: nil, placeName: proposed.nom, author: Author(actor),
                createdAt: Date(), fields: fields))
        return try sent(declaration, placeURL: nil, request, context)
    }

    private func newPlacePage(form: PlaceForm, showPreview: Bool = false) -> PlaceFormPage {
        PlaceFormPage(
            heading: "Proposer un lieu",
            intro: "Un lieu de médiation numérique que les données ouvertes ne connaissent pas encore. Les champs marqués * sont obligatoires.",
            action: SiteURL.proposePlace.path, placeURL: nil, form: form, columns: PlaceForm.newPlaceColumns, showPreview: showPreview)
    }

    // MARK: - A report

    @Sendable func reportForm(request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, _) = try place(context)
        return try pages.formPage(ReportPage(entry: entry, error: nil), request, context, secureCookies: secureCookies)
    }

    @Sendable func report(request: Request, context: AppRequestContext) async throws -> Response {
        let (entry, structure) = try place(context)
        let reader = try await QueryReader.form(request)
        // A robot fills every field, a person never sees this one: the report is dropped without a word.
        if let trap = try? reader.single(ReportFormField.siteInternet), !trap.isEmpty {
            return try sentReport(entry, request, context)
        }
        let category: ReportCategory?, message: String?
        do {
            category = try reader.choice(ReportFormField.categorie)
            message = try reader.text(ReportFormField.message, maximumLength: Declaration.maxMessageLength)
        } catch {
            return try reportRefused(entry, "\(error.message)", request, context)
        }
        guard let category else { return try reportRefused(entry, "Choisissez ce qui ne va pas.", request, context) }
        guard let territory = entry.epci ?? structure.territory else {
            throw HTTPError(.unprocessableContent, message: "Ce lieu n'est rattaché à aucun territoire.")
        }
        let actor = context.visitor.actor
        // Counted before anything is stored, per account and per address (``AttemptThrottle/reports(accountID:address:)``).
        try await throttle.admit(
            AttemptThrottle.reports(accountID: actor?.accountID, address: context.clientAddress ?? "inconnue"),
            refusing: "Beaucoup de signalements sont venus de votre compte ou de votre connexion en une heure")
        _ = try await declarations.create(
            Declaration(
                kind: .report, placeID: entry.place.id, anchor: entry.merged.anchor, territory: territory, structureID: structure.id,
                placeName: entry.place.nom,
                author: actor.map(Author.init) ?? Author(accountID: nil, label: "visiteur sans compte"), createdAt: Date(), category: category,
                message: message))
        return try sentReport(entry, request, context)
    }

    private func reportRefused(_ entry: PlaceIndex.Entry, _ error: String, _ request: Request, _ context: AppRequestContext) throws -> Response {
        var page = pages.render(ReportPage(entry: entry, error: error), for: context.visitor)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func sentReport(_ entry: PlaceIndex.Entry, _ request: Request, _ context: AppRequestContext) throws -> Response {
        try pages.render(
            NoticePage(
                title: "Signalement envoyé — Maillage", heading: "Merci, votre signalement est envoyé",
                message: "Un coordinateur du territoire le vérifiera. La fiche ne change qu'après sa vérification.",
                nextURL: SiteURL.place(.value(entry.place.id)).path, nextLabel: "Revenir à la fiche du lieu"),
            for: context.visitor
        ).response(from: request, context: context)
    }

    // MARK: - Shared

    private func place(_ context: AppRequestContext) throws -> (PlaceIndex.Entry, Structure) {
        let id = try context.parameters.decoded("id")
        guard id.count <= 200, let entry = index.current.entry(id: id), let structure = index.structures.structure(ofPlace: id) else {
            throw HTTPError(.notFound, message: "Ce lieu n'existe pas ou plus.")
        }
        return (entry, structure)
    }

    private func invalid(_ page: PlaceFormPage, _ request: Request, _ context: AppRequestContext) throws -> Response {
        var html = pages.render(page, for: context.visitor)
        html.status = .unprocessableContent
        return try html.response(from: request, context: context)
    }

    private func sent(_ declaration: Declaration, placeURL: String?, _ request: Request, _ context: AppRequestContext) throws -> Response {
        let fields = declaration.fields.map(\.column.label).joined(separator: ", ")
        return try pages.render(
            NoticePage(
                title: "Déclaration envoyée — Maillage", heading: "Déclaration n° \(declaration.id) envoyée",
                message: "Champs déclarés : \(fields). Un coordinateur du territoire la vérifie avant qu'elle ne change la fiche.",
                nextURL: placeURL, nextLabel: "Revenir à la fiche du lieu"),
            for: context.visitor
        ).response(from: request, context: context)
    }
}
