import Foundation

/// A cycle of meetings in which a territory's actors co-build its diagnostic (4 meetings over 6 months in CAPH): its
/// title and goal, its dates, the structures that organise it and the people who facilitate it.
public struct Cycle: Hashable, Sendable, Identifiable {
    public var id: Int
    public var territory: Siren
    public var title: String
    public var goal: String
    public var startsOn: CalendarDay?
    public var endsOn: CalendarDay?
    /// The structures that run it (« le réseau des Hubs », « la CAPH »), as they are named.
    public var organisers: [String]
    /// The facilitators, by the name they give (professionals acting in their role).
    public var animateurs: [String]

    public init(
        id: Int = 0, territory: Siren, title: String, goal: String, startsOn: CalendarDay? = nil, endsOn: CalendarDay? = nil,
        organisers: [String] = [], animateurs: [String] = []
    ) {
        self.id = id
        self.territory = territory
        self.title = title
        self.goal = goal
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.organisers = organisers
        self.animateurs = animateurs
    }

    public static let titleLength = 1...200
    public static let maxGoalLength = 2_000
    /// Organisers and animateurs: at most this many, each a name of at most ``nameLength`` characters.
    public static let maxPeople = 12
    public static let nameLength = 1...120

    /// What is wrong with the cycle as written, one sentence per field (empty when it can be kept).
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if !Self.titleLength.contains(title.storedLength) { problems.append(.init(field: "Titre", expected: "un titre de 1 à 200 caractères")) }
        if goal.storedLength > Self.maxGoalLength { problems.append(.init(field: "Objectif", expected: "au plus 2 000 caractères")) }
        if let startsOn, let endsOn, endsOn < startsOn { problems.append(.init(field: "Fin", expected: "une date de fin après la date de début")) }
        for (field, names) in [("Structures organisatrices", organisers), ("Animateurs", animateurs)] {
            if names.count > Self.maxPeople || names.contains(where: { !Self.nameLength.contains($0.storedLength) }) {
                problems.append(.init(field: field, expected: "au plus 12 noms, un par ligne, de 120 caractères au plus"))
            }
        }
        return problems
    }
}
