import MaillageCore

/// `/rencontres/{id}/atelier`: the workshop's board, one table per commune, its cards by kind. The same page serves
/// the participant's phone (`?table=` picks their table, the form to send a card), the projected view
/// (`?vue=projection`: large; with the join code and its QR code only when opened by an animateur or with the
/// projection token) and the animateurs (moderation, a new code, the projection link). It works by reloading;
/// `/atelier.js` refreshes the board when the server's event stream (offered to those who take part) says it changed.
struct BoardPage: PageModel {
    struct Card {
        var id: Int
        var anchor: String
        var text: String
        var placeName: String?
        var placeURL: String?
        var neighbour: String?
        var journeyName: String?
        var journeyURL: String?
        var author: String?
        var moderateURL: String?
        /// Where an animateur carries the card: the missing places register, or the proposal of a new place.
        var carryURL: String?
        var carryLabel: String?
        var mergeTargets: [FormChoice]
        var hasMergeTargets: Bool
    }

    struct Column {
        var kind: String
        var cards: [Card]
        var count: Int
    }

    struct Table {
        var name: String
        var code: String
        var anchor: String
        var columns: [Column]
        var count: String
        var tableURL: String
        var current: Bool
    }

    struct SetAside {
        var text: String
        var state: String
        var moderateURL: String
    }

    struct PlaceGroup {
        var commune: String
        var places: [FormChoice]
    }

    let template = TemplateName.board
    /// The moderation and projection forms' field names.
    let boardFields = BoardFormField.names
    /// The card form's field names.
    let fields = CardFormField.names
    var title: String
    var heading: String
    var meetingURL: String
    var state: String
    var isOpen: Bool
    var isProjection: Bool
    var eventsURL: String?
    var version: Int
    var tables: [Table]
    var joinCode: String?
    var joinURL: String?
    var joinQRCode: String?
    /// « Nouveau code », for the animateurs while the workshop is open.
    var codeURL: String?
    /// The projection link's form, for the animateurs.
    var projectionLinkURL: String?
    var hasProjectionLink: Bool
    var canContribute: Bool
    var canModerate: Bool
    var contributor: String?
    var action: String
    var clientKey: String
    var tableChoices: [FormChoice]
    var kindChoices: [FormChoice]
    var placeGroups: [PlaceGroup]
    var neighbourChoices: [FormChoice]
    var personaChoices: [FormChoice]
    var draftText: String
    var setAside: [SetAside]
    var hasSetAside: Bool
    var errors: [String]
    var hasErrors: Bool
    var projectionURL: String
    var boardURL: String
    var joinPageURL: String
    private let parents: [Breadcrumb]

    struct Context {
        var meeting: Meeting
        var cycle: Cycle
        var cards: [WorkshopCard]
        var personas: [Persona]
        var index: PlaceIndex
        var structures: StructureDirectory
        var version: Int
        var table: CommuneCode?
        var isProjection: Bool
        var canContribute: Bool
        var canModerate: Bool
        /// Whether the viewer may see the join code: an animateur, or the projected view with the live projection token.
        var showsJoinCode: Bool
        /// The live projection token the view was opened with, carried by its event stream.
        var projectionToken: String?
        /// Whether the viewer may follow the board live (the event stream).
        var mayWatch: Bool
        /// Whether the meeting has a live projection token (told to the animateurs).
        var hasProjectionLink: Bool
        var contributor: String?
        /// The address of the site, for the join link and its QR code.
        var siteURL: String
        var clientKey: String
        var draft: WorkshopCard?
        var problems: [FieldProblem]
    }

    init(_ context: Context) {
        let meeting = context.meeting, territory = context.index.territory
        heading = "Atelier de la rencontre n° \(meeting.number)"
        title = "\(heading) — Maillage"
        meetingURL = SiteURL.meeting(.value(meeting.id)).path
        state = meeting.workshop.label
        isOpen = meeting.workshop == .ouvert
        isProjection = context.isProjection
        eventsURL =
            context.mayWatch && isOpen
            ? SiteURL.boardEvents(.value(meeting.id)).path(
                query: context.projectionToken.map { [(WorkshopController.projectionParameter, $0)] } ?? []) : nil
        version = context.version
        boardURL = SiteURL.board(.value(meeting.id)).path
        projectionURL = SiteURL.board(.value(meeting.id)).path(query: [("vue", "projection")])
        joinPageURL = SiteURL.join.path
        let shown = context.cards.filter(\.isShown)
        let personaNames = Dictionary(context.personas.map { ($0.id, $0.firstName) }, uniquingKeysWith: { first, _ in first })
        func card(_ card: WorkshopCard) -> Card {
            let place = card.placeID.flatMap(context.index.entry(id:))
            let targets =
                context.canModerate && !context.isProjection
                ? shown.filter { $0.table == card.table && $0.id != card.id }
                    .map { FormChoice(value: "\($0.id)", label: "n° \($0.id) — \(String($0.text.prefix(60)))", selected: false) } : []
            let carry =
                context.canModerate && !context.isProjection
                ? Self.carry(card, territory: meeting.territory, structureID: card.placeID.flatMap { context.structures.structure(ofPlace: $0)?.id })
                : nil
            return Card(
                id: card.id, anchor: "carte-\(card.id)", text: card.text, placeName: place?.place.nom.displayCased,
                placeURL: place.map { SiteURL.place(.value($0.place.id)).path },
                neighbour: card.neighbourCommune.flatMap { territory.commune($0)?.name },
                journeyName: card.personaID.flatMap { personaNames[$0] },
                journeyURL: card.personaID.flatMap {
                    personaNames[$0] == nil ? nil : SiteURL.journey(.value($0)).path(query: [("commune", card.table.rawValue)])
                },
                author: context.canModerate && !context.isProjection ? card.authorLabel : nil,
                moderateURL: context.canModerate && !context.isProjection ? SiteURL.moderateCard(.value(meeting.id), .value(card.id)).path : nil,
                carryURL: carry?.url, carryLabel: carry?.label, mergeTargets: targets, hasMergeTargets: !targets.isEmpty)
        }
        let chosen = context.table ?? context.draft?.table
        // A participant's own table comes first on their phone; the projected view keeps the meeting's order.
        let order = chosen.flatMap { own in context.isProjection ? nil : [own] + meeting.focusCommunes.filter { $0 != own } } ?? meeting.focusCommunes
        tables = order.filter(meeting.focusCommunes.contains).map { code in
            let cards = shown.filter { $0.table == code }
            let columns = CardKind.allCases.compactMap { kind -> Column? in
                let own = cards.filter { $0.kind == kind }
                return own.isEmpty ? nil : Column(kind: kind.columnLabel, cards: own.map(card), count: own.count)
            }
            return Table(
                name: territory.commune(code)?.name ?? code.rawValue, code: code.rawValue, anchor: "table-\(code.rawValue)", columns: columns,
                count: French.count(cards.count, "carte", "cartes"),
                tableURL: SiteURL.board(.value(meeting.id)).path(query: [("table", code.rawValue)]), current: code == chosen)
        }
        let joinLink = meeting.joinCode.map { context.siteURL + String(SiteURL.join.path(query: [("code", $0)]).dropFirst()) }
        // The code is for the room: on the animateurs' screens and the projection they opened, never on a public URL.
        let showsCode = isOpen && context.showsJoinCode
        joinCode = showsCode ? meeting.joinCode : nil
        joinURL = showsCode ? joinLink : nil
        joinQRCode =
            showsCode && context.isProjection
            ? joinLink.flatMap { link in
                (try? QRCode(text: link)).map { QRCodeSVG.render($0, title: "Code QR pour rejoindre l'atelier : \(link)") }
            } : nil
        canContribute = context.canContribute && isOpen && !context.isProjection
        canModerate = context.canModerate && !context.isProjection
        codeURL = canModerate && isOpen ? SiteURL.workshopCode(.value(meeting.id)).path : nil
        projectionLinkURL = canModerate ? SiteURL.projectionLink(.value(meeting.id)).path : nil
        hasProjectionLink = context.hasProjectionLink
        contributor = context.contributor
        action = SiteURL.board(.value(meeting.id)).path
        clientKey = context.clientKey
        tableChoices = meeting.focusCommunes.map {
            FormChoice(value: $0.rawValue, label: territory.commune($0)?.name ?? $0.rawValue, selected: $0 == chosen)
        }
        kindChoices = FormChoice.all(CardKind.self, label: \.label, selected: { $0 == (context.draft?.kind ?? .ressource) })
        placeGroups = meeting.focusCommunes.map { code in
            let places = context.index.entries(in: code)
            return PlaceGroup(
                commune: territory.commune(code)?.name ?? code.rawValue,
                places: places.map {
                    FormChoice(value: $0.place.id, label: $0.place.nom.displayCased, selected: $0.place.id == context.draft?.placeID)
                })
        }
        let neighbours = territory.neighbouringEPCIs(of: meeting.territory).flatMap(\.members).compactMap(territory.commune)
        neighbourChoices = neighbours.sorted { $0.name.folded < $1.name.folded }
            .map { FormChoice(value: $0.code.rawValue, label: $0.name, selected: $0.code == context.draft?.neighbourCommune) }
        personaChoices = context.personas.map { FormChoice(value: $0.id, label: $0.firstName, selected: $0.id == context.draft?.personaID) }
        draftText = context.draft?.text ?? ""
        setAside =
            context.canModerate && !context.isProjection
            ? context.cards.compactMap { card in
                let state: String
                switch card.visibility {
                case .visible: return nil
                case .hidden: state = "masquée"
                case .merged(let into): state = "fusionnée dans la carte n° \(into)"
                }
                return SetAside(text: card.text, state: state, moderateURL: SiteURL.moderateCard(.value(meeting.id), .value(card.id)).path)
            } : []
        hasSetAside = !setAside.isEmpty
        errors = context.problems.map(\.sentence)
        hasErrors = !errors.isEmpty
        parents = [
            Breadcrumb(label: context.cycle.title, url: SiteURL.cycle(.value(context.cycle.id)).path),
            Breadcrumb(label: "Rencontre n° \(meeting.number)", url: meetingURL)
        ]
    }

    var breadcrumbParents: [Breadcrumb] { parents }

    /// A missing place goes to the register, a structure the directory lacks to the proposal of a new place, a
    /// partnership or an orientation to the network: each form opens filled from the card, for the animateur to complete.
    private static func carry(_ card: WorkshopCard, territory: Siren, structureID: String?) -> (url: String, label: String)? {
        switch card.kind {
        case .lieuManquant:
            (
                SiteURL.newMissingPlace.path(query: [
                    ("territoire", territory.rawValue), ("commune", card.table.rawValue), ("origine", MissingPlace.Origin.byHand.rawValue),
                    ("justification", card.text)
                ]), "Inscrire au registre des lieux manquants"
            )
        case .partenariat, .orientation:
            (
                SiteURL.partnerships.path(
                    query: [
                        ("territoire", territory.rawValue), ("rencontre", "\(card.meetingID)"), ("notes", String(card.text.prefix(1_000))),
                        ("lien", card.kind == .orientation ? PartnershipKind.orienteVers.rawValue : PartnershipKind.projetCommun.rawValue)
                    ]
                        + (structureID.map { [("de", $0)] } ?? [])), "Inscrire au réseau des partenariats"
            )
        case .ressource where card.placeID == nil:
            (
                SiteURL.proposePlace.path(query: [("commune", card.table.rawValue), ("nom", String(card.text.prefix(200)))]),
                "Proposer ce lieu à l'annuaire"
            )
        default: nil
        }
    }
}
