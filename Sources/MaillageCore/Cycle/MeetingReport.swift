import Foundation

/// The compte-rendu of a meeting, as content: titled sections of paragraphs and lists, written once from what was
/// recorded and rendered twice — a printable HTML page and an editable OpenDocument text. Names of participants
/// appear only when they agreed.
public struct MeetingReport: Hashable, Sendable {
    public struct Section: Hashable, Sendable {
        public var heading: String
        public var paragraphs: [String]
        public var items: [String]
        /// Sub-sections (one per table), one level down.
        public var subsections: [Section]

        public init(heading: String, paragraphs: [String] = [], items: [String] = [], subsections: [Section] = []) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.items = items
            self.subsections = subsections
        }
    }

    /// What the report is written from.
    public struct Source: Sendable {
        public var cycle: Cycle
        public var meeting: Meeting
        /// The meeting that follows in the cycle, if one is planned.
        public var next: Meeting?
        public var participants: [Participant]
        public var cards: [WorkshopCard]
        public var figureLines: [String]
        public var communeName: @Sendable (CommuneCode) -> String
        public var placeName: @Sendable (String) -> String?
        public var personaName: @Sendable (String) -> String?
        /// How the meeting's date reads (« 2 février 2023 à 9 h 30 »).
        public var dateText: @Sendable (Date) -> String
        /// What changed since the previous closed meeting, a line each; nil when there is nothing to compare with.
        public var changes: [String]?

        public init(
            cycle: Cycle, meeting: Meeting, next: Meeting?, participants: [Participant], cards: [WorkshopCard], figureLines: [String],
            communeName: @escaping @Sendable (CommuneCode) -> String, placeName: @escaping @Sendable (String) -> String?,
            personaName: @escaping @Sendable (String) -> String?, dateText: @escaping @Sendable (Date) -> String, changes: [String]?
        ) {
            self.cycle = cycle
            self.meeting = meeting
            self.next = next
            self.participants = participants
            self.cards = cards
            self.figureLines = figureLines
            self.communeName = communeName
            self.placeName = placeName
            self.personaName = personaName
            self.dateText = dateText
            self.changes = changes
        }
    }

    public var title: String
    public var subtitle: String
    public var sections: [Section]

    public init(_ source: Source) {
        let meeting = source.meeting, cycle = source.cycle
        title = "Compte rendu de la rencontre n° \(meeting.number) — \(cycle.title)"
        subtitle = "\(source.dateText(meeting.startsAt)), \(meeting.venue)"
        let shown = source.cards.filter(\.isShown)
        func line(_ card: WorkshopCard) -> String {
            var parts = [card.text]
            if let id = card.placeID, let name = source.placeName(id) { parts.append("(\(name))") }
            if let commune = card.neighbourCommune { parts.append("— à \(source.communeName(commune))") }
            if let id = card.personaID, let name = source.personaName(id) { parts.append("— parcours de \(name)") }
            return parts.joined(separator: " ")
        }
        var sections: [Section] = []
        var context: [String] = []
        if !cycle.goal.isEmpty { context.append(cycle.goal) }
        if !cycle.organisers.isEmpty { context.append("Le cycle est porté par \(cycle.organisers.frenchList).") }
        if !cycle.animateurs.isEmpty { context.append("Animation : \(cycle.animateurs.frenchList).") }
        context.append("Tables de travail : \(meeting.focusCommunes.map(source.communeName).frenchList).")
        sections.append(
            Section(
                heading: "L'enjeu de la rencontre", paragraphs: context,
                items: meeting.agenda.map { item in item.title + (item.minutes.map { " (\($0) min)" } ?? "") }))
        let named = source.participants.filter { $0.attended && $0.namedInPublic }
            .map { $0.structure.isEmpty ? $0.name : "\($0.name) (\($0.structure))" }
        sections.append(
            Section(
                heading: "La rencontre en chiffres", paragraphs: named.isEmpty ? [] : ["Avec \(named.frenchList)."],
                items: source.figureLines))
        let tables = meeting.focusCommunes.map { commune in
            let own = shown.filter { $0.table == commune && [.ressource, .lieuManquant, .besoinDifficile].contains($0.kind) }
            let kinds: [CardKind] = [.ressource, .lieuManquant, .besoinDifficile]
            return Section(
                heading: "Table de \(source.communeName(commune))",
                paragraphs: own.isEmpty ? ["La table n'a pas noté de structure ni de manque."] : [],
                subsections: kinds.compactMap { kind in
                    let cards = own.filter { $0.kind == kind }
                    return cards.isEmpty ? nil : Section(heading: kind.columnLabel, items: cards.map(line))
                })
        }
        sections.append(Section(heading: "Ce que chaque table a trouvé", subsections: tables))
        for (kind, heading, empty) in [
            (CardKind.partenariat, "Partenariats possibles entre les acteurs", "Aucun partenariat n'a été noté."),
            (.orientation, "Orienter vers le bon acteur selon les situations", "Aucune orientation n'a été notée."),
            (.ressourceVoisine, "Besoins qui demandent d'aller sur un territoire voisin", "Aucune ressource voisine n'a été notée."),
            (.parcours, "Parcours usagers discutés", "Aucun parcours n'a été discuté.")
        ] {
            let cards = shown.filter { $0.kind == kind }
            sections.append(
                Section(
                    heading: heading, paragraphs: cards.isEmpty ? [empty] : [],
                    items: cards.map { "\(source.communeName($0.table)) : \(line($0))" }))
        }
        if let changes = source.changes {
            sections.append(
                Section(
                    heading: "Ce qui a changé depuis la rencontre précédente",
                    paragraphs: changes.isEmpty
                        ? ["Ni l'annuaire, ni le registre des lieux manquants, ni la couverture des communes n'ont changé."] : [],
                    items: changes))
        }
        let decisions = meeting.decisions.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        sections.append(Section(heading: "Décisions et suites", paragraphs: decisions.isEmpty ? ["À compléter par les animateurs."] : decisions))
        let next = source.next.map { "La prochaine rencontre aura lieu le \(source.dateText($0.startsAt)), \($0.venue)." }
        sections.append(Section(heading: "Prochaine rencontre", paragraphs: [next ?? "La date de la prochaine rencontre reste à fixer."]))
        self.sections = sections
    }
}
