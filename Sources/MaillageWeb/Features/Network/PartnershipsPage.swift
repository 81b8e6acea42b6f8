import MaillageCore

/// `/partenariats?territoire=…`: the network of a territory's structures — drawn on its map, listed as a table for
/// screen readers and print — what it says (isolated structures, brokers, communes no link reaches, reciprocity of
/// orientations), and the form to declare a link.
struct PartnershipsPage: PageModel {
    struct Row {
        var number: Int
        var from: String
        var fromURL: String
        var kind: String
        var to: String
        var toURL: String
        var state: String
        var origin: String
        var confirmed: String
        var notes: String
        var updateURL: String?
        var states: [FormChoice]
        var confirmURL: String?
    }

    struct SuggestionRow {
        var from: String
        var fromID: String
        var to: String
        var toID: String
        var toURL: String
        var reasons: [String]
        /// The accepted link's kind and notes.
        var kind: String
        var kindLabel: String
        var notes: String
        var canAccept: Bool
    }

    struct Named {
        var name: String
        var url: String
        var detail: String?
    }

    let template = TemplateName.partnerships
    /// The forms' field names.
    let fields = PartnershipFormField.names
    var title: String
    var territoryName: String
    var territory: String
    var map: String
    /// The structures drawn on the map, in the order of their numbers.
    var mapped: [Named]
    var rows: [Row]
    var hasRows: Bool
    var isolated: [Named]
    var hasIsolated: Bool
    var isolatedCount: String
    var brokers: [Named]
    var hasBrokers: Bool
    var unreached: String?
    var unanswered: [Named]
    var hasUnanswered: Bool
    var reciprocity: String
    var canDeclare: Bool
    var action: String
    var csvURL: String
    var flowsCSVURL: String
    var fromChoices: [FormChoice]
    var toChoices: [FormChoice]
    var kindChoices: [FormChoice]
    var stateChoices: [FormChoice]
    var notes: String
    var meetingID: String
    var errors: [String]
    var hasErrors: Bool
    var suggestionCommune: String?
    var suggestionMinutes: String
    /// The meaning of « à portée » the suggestions use, with the minutes asked (``Reach/occasionalTripByBus``).
    var suggestionReach: String
    /// For the commune asked about: the structures that serve it, and the links that cross its boundary.
    var servingCommune: [Named]
    var crossing: [String]
    var hasCrossing: Bool
    var suggestions: [SuggestionRow]
    var hasSuggestions: Bool
    var communeChoices: [FormChoice]
    /// Orientations sent between structures, counted per pair (never who for).
    var flows: [String]
    var hasFlows: Bool

    struct Draft {
        var from: String?
        var to: String?
        var kind: PartnershipKind = .orienteVers
        var notes = ""
        var meetingID: Int?
    }

    init(
        network: PartnershipNetwork, siren: Siren, index: PlaceIndex, directory: StructureDirectory, meetings: [Int: Meeting],
        canUpdate: (Partnership) -> Bool, canConfirm: (Partnership) -> Bool, declarable: [Structure], draft: Draft, problems: [FieldProblem] = [],
        suggestions: (commune: CommuneCode, minutes: Double, items: [PartnershipSuggestion])? = nil, flows: ReferralFlows = ReferralFlows(counts: [])
    ) {
        let territory = index.territory
        territoryName = territory.epcis[siren]?.name ?? siren.rawValue
        title = "Partenariats — \(territoryName) — Maillage"
        self.territory = siren.rawValue
        let name: (String) -> String = { directory[$0]?.name ?? $0 }
        rows = network.links.enumerated().map { offset, link in
            Row(
                number: offset + 1, from: name(link.from), fromURL: SiteURL.structure(.value(link.from)).path, kind: link.kind.label.lowercased(),
                to: name(link.to), toURL: SiteURL.structure(.value(link.to)).path, state: link.state.label,
                origin: {
                    if case .meeting(let id) = link.origin, let meeting = meetings[id] { "rencontre n° \(meeting.number)" } else { "déclaré" }
                }(),
                confirmed: link.confirmed ? "confirmé" : "à confirmer par \(name(link.to))", notes: link.notes,
                updateURL: canUpdate(link) ? SiteURL.partnership(.value(link.id)).path : nil,
                states: FormChoice.all(PartnershipState.self, label: \.label, selected: { $0 == link.state }),
                confirmURL: !link.confirmed && canConfirm(link) ? SiteURL.confirmPartnership(.value(link.id)).path : nil)
        }
        hasRows = !rows.isEmpty
        isolated = network.isolated.map { Named(name: $0.name, url: SiteURL.structure(.value($0.id)).path, detail: nil) }
        hasIsolated = !isolated.isEmpty
        isolatedCount = French.count(isolated.count, "structure sans aucun lien", "structures sans aucun lien") + " sur \(network.structures.count)"
        brokers = network.brokers.prefix(8).map { broker in
            Named(
                name: broker.structure.name, url: SiteURL.structure(.value(broker.structure.id)).path,
                detail:
                    "intermédiaire sur \(French.decimal(broker.betweenness * 100, digits: 0)) % des plus courts chemins entre deux autres structures")
        }
        hasBrokers = !brokers.isEmpty
        let unreachedNames = network.unreachedCommunes.compactMap { territory.commune($0)?.name }.sorted { $0.folded < $1.folded }
        unreached =
            unreachedNames.isEmpty
            ? nil
            : French.count(unreachedNames.count, "commune qu'aucun lien n'atteint", "communes qu'aucun lien n'atteint")
                + " : " + French.list(unreachedNames)
        unanswered = network.unanswered.map { structure, services in
            Named(
                name: structure.name, url: SiteURL.structure(.value(structure.id)).path,
                detail: "ni elle ni ses partenaires n'offrent : " + French.list(services.map(\.rawValue)))
        }
        hasUnanswered = !unanswered.isEmpty
        reciprocity =
            network.orientations == 0
            ? "Aucune orientation n'est encore déclarée."
            : "\(French.count(network.orientations, "orientation déclarée", "orientations déclarées")) d'une structure vers une autre, dont \(network.reciprocated) dans les deux sens."
        canDeclare = !declarable.isEmpty
        action = SiteURL.partnerships.path
        csvURL = SiteURL.partnershipsCSV.path(query: [("territoire", siren.rawValue)])
        flowsCSVURL = SiteURL.referralCountsCSV.path(query: [("territoire", siren.rawValue)])
        fromChoices = declarable.map { FormChoice(value: $0.id, label: $0.name, selected: $0.id == draft.from) }
        toChoices = network.structures.map { FormChoice(value: $0.id, label: $0.name, selected: $0.id == draft.to) }
        kindChoices = FormChoice.all(PartnershipKind.self, label: \.label, selected: { $0 == draft.kind })
        stateChoices = FormChoice.all(PartnershipState.self, label: \.label, selected: { $0 == .envisage })
        notes = draft.notes
        meetingID = draft.meetingID.map(String.init) ?? ""
        errors = problems.map(\.sentence)
        hasErrors = !errors.isEmpty
        let declarableIDs = Set(declarable.map(\.id))
        suggestionCommune = suggestions.map { territory.commune($0.commune)?.name ?? $0.commune.rawValue }
        let reach = Reach.occasionalTripByBus.within(suggestions?.minutes ?? Reach.occasionalTripByBus.minutes)
        suggestionMinutes = String(Int(reach.minutes))
        suggestionReach = reach.label
        self.suggestions = (suggestions?.items ?? []).map { suggestion in
            SuggestionRow(
                from: suggestion.from.name, fromID: suggestion.from.id, to: suggestion.to.name, toID: suggestion.to.id,
                toURL: SiteURL.structure(.value(suggestion.to.id)).path, reasons: suggestion.reasons, kind: suggestion.kind.rawValue,
                kindLabel: suggestion.kind.label.lowercased(),
                notes: String(suggestion.reason.prefix(Partnership.maxNotesLength)), canAccept: declarableIDs.contains(suggestion.from.id))
        }
        hasSuggestions = !self.suggestions.isEmpty
        let serving = suggestions.map { asked in network.structures.filter { $0.communes.contains(asked.commune) } } ?? []
        servingCommune = serving.map { structure in
            Named(
                name: structure.name, url: SiteURL.structure(.value(structure.id)).path,
                detail: French.count(network.links(of: structure.id).count, "lien", "liens"))
        }
        let inside = Set(serving.map(\.id))
        crossing = network.links.filter { inside.contains($0.from) != inside.contains($0.to) }
            .map { "\(name($0.from)) — \($0.kind.label.lowercased()) — \(name($0.to)) (\($0.state.label.lowercased()))" }
        hasCrossing = !crossing.isEmpty
        let members = territory.epcis[siren]?.members.compactMap(territory.commune) ?? []
        communeChoices = members.sorted { $0.name.folded < $1.name.folded }
            .map { FormChoice(value: $0.code.rawValue, label: $0.name, selected: $0.code == suggestions?.commune) }
        self.flows = flows.pairs.map(ReferralFlows.Pair.sentence(from: name, to: name))
        hasFlows = !self.flows.isEmpty
        map = Self.map(network, flows: flows, siren: siren, index: index, name: name)
        mapped = Self.linked(network, flows: flows).map { Named(name: $0.name, url: SiteURL.structure(.value($0.id)).path, detail: nil) }
    }

    /// From how many orientations a flow is drawn thick.
    static let strongFlow = 5

    /// The structures with at least one link or orientation sent or received, in the order they are numbered on the map.
    private static func linked(_ network: PartnershipNetwork, flows: ReferralFlows) -> [Structure] {
        let flowing = Set(flows.pairs.flatMap { [$0.from, $0.to] })
        return network.structures.filter { !network.links(of: $0.id).isEmpty || flowing.contains($0.id) }
    }

    /// The network on the territory's map: each linked structure at its first place, numbered as in the table's
    /// names, each link a line of its kind.
    private static func map(_ network: PartnershipNetwork, flows: ReferralFlows, siren: Siren, index: PlaceIndex, name: (String) -> String) -> String
    {
        let territory = index.territory
        let communes = territory.epcis[siren]?.members.compactMap(territory.commune) ?? []
        let linked = Self.linked(network, flows: flows)
        var points: [String: Coordinate] = [:]
        for structure in linked { points[structure.id] = index.coordinate(of: structure) }
        let markers = linked.enumerated().compactMap { offset, structure -> SVGMap.Marker? in
            points[structure.id].map {
                SVGMap.Marker(point: $0, label: "\(offset + 1)", title: "\(offset + 1). \(structure.name)", style: .structure)
            }
        }
        let links = network.links.compactMap { link -> SVGMap.Link? in
            guard let from = points[link.from], let to = points[link.to] else { return nil }
            return SVGMap.Link(
                from: from, to: to, cssClass: "link-\(link.kind.rawValue)" + (link.state == .envisage ? " link-envisage" : ""),
                title: "\(name(link.from)) — \(link.kind.label.lowercased()) — \(name(link.to)) (\(link.state.label.lowercased()))")
        }
        // The orientations really sent, one arrow per pair towards the structure that received them.
        let sent = flows.pairs.compactMap { pair -> SVGMap.Link? in
            guard let from = points[pair.from], let to = points[pair.to] else { return nil }
            return SVGMap.Link(
                from: from, to: to, cssClass: "link-flux" + (pair.count >= Self.strongFlow ? " link-flux-fort" : ""),
                title: "\(name(pair.from)) → \(name(pair.to)) : \(French.count(pair.count, "orientation envoyée", "orientations envoyées"))",
                directed: true)
        }
        let kinds = PartnershipKind.allCases.filter { kind in network.links.contains { $0.kind == kind } }
        return SVGMap(
            title: "Réseau des structures du territoire",
            description:
                "\(markers.count) structures reliées, \(links.count) liens, \(sent.count) flux d'orientations ; chaque type de lien a son trait ; la liste des liens suit la carte",
            communes: communes, markers: markers, links: links + sent,
            linkLegend: kinds.map { ("link-\($0.rawValue)", $0.label) }
                + (sent.isEmpty
                    ? [] : [("link-flux", "Orientations envoyées (flèche vers qui les reçoit ; trait épais : \(Self.strongFlow) ou plus)")]),
            labelled: SVGMap.names(among: communes)
        ).render()
    }
}
