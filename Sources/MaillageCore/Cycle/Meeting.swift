import Foundation

/// One meeting of a cycle: when and where, its agenda, the communes its tables work on, its live workshop, and what
/// the facilitators decided (for the report).
public struct Meeting: Hashable, Sendable, Identifiable {
    public var id: Int
    public var cycleID: Int
    public var territory: Siren
    /// Its rank in the cycle (1 for the first meeting), from the dates.
    public var number: Int
    public var startsAt: Date
    /// A place of the directory (its identifier), or nil when the venue is only an address.
    public var venuePlaceID: String?
    /// The venue as written: the place's name or an address.
    public var venue: String
    public var agenda: [AgendaItem]
    /// The communes whose tables work at this meeting (default: the seed's three).
    public var focusCommunes: [CommuneCode]
    public var workshop: WorkshopState
    /// The short code participants type to join the open workshop (nil until it is first opened).
    public var joinCode: String?
    /// The decisions and next steps written by the facilitators, for the report.
    public var decisions: String

    public init(
        id: Int = 0, cycleID: Int, territory: Siren, number: Int = 0, startsAt: Date, venuePlaceID: String? = nil, venue: String,
        agenda: [AgendaItem] = [], focusCommunes: [CommuneCode] = Meeting.defaultFocus, workshop: WorkshopState = .enPreparation,
        joinCode: String? = nil, decisions: String = ""
    ) {
        self.id = id
        self.cycleID = cycleID
        self.territory = territory
        self.number = number
        self.startsAt = startsAt
        self.venuePlaceID = venuePlaceID
        self.venue = venue
        self.agenda = agenda
        self.focusCommunes = focusCommunes
        self.workshop = workshop
        self.joinCode = joinCode
        self.decisions = decisions
    }

    /// Saint-Amand-les-Eaux, Denain and Raismes: the communes the seed's cycle starts with.
    public static let defaultFocus = ["59526", "59172", "59491"].compactMap(CommuneCode.init)
    public static let venueLength = 1...300
    public static let maxAgendaItems = 12
    public static let maxFocusCommunes = 12
    public static let maxDecisionsLength = 4_000
    /// How long a participant's workshop pass lasts, at most (a meeting lasts a half-day); closing the workshop ends
    /// every pass at once.
    public static let passLifetime: TimeInterval = 12 * 3_600

    /// What is wrong with the meeting as written, one problem per field.
    public func problems(in territory: TerritoryData) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !Self.venueLength.contains(venue.storedLength) {
            problems.append(.init(field: "Lieu", expected: "un lieu de l'annuaire ou une adresse de 300 caractères au plus"))
        }
        if agenda.count > Self.maxAgendaItems { problems.append(.init(field: "Ordre du jour", expected: "au plus 12 temps")) }
        if agenda.contains(where: { !AgendaItem.titleLength.contains($0.title.storedLength) }) {
            problems.append(.init(field: "Ordre du jour", expected: "un intitulé de 1 à 200 caractères par temps"))
        }
        if agenda.contains(where: { $0.minutes.map { !AgendaItem.minutesRange.contains($0) } ?? false }) {
            problems.append(.init(field: "Durée", expected: "une durée de 5 à 480 minutes"))
        }
        if focusCommunes.isEmpty || focusCommunes.count > Self.maxFocusCommunes {
            problems.append(.init(field: "Communes des tables", expected: "de 1 à 12 communes du territoire"))
        }
        if focusCommunes.contains(where: { territory.commune($0)?.epci != self.territory }) {
            problems.append(.init(field: "Communes des tables", expected: "des communes du territoire"))
        }
        if decisions.storedLength > Self.maxDecisionsLength { problems.append(.init(field: "Décisions", expected: "au plus 4 000 caractères")) }
        return problems
    }
}
