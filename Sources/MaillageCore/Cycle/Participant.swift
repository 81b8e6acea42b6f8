/// A person invited to or registered for a meeting: as little as the meeting needs — a name as they give it, their
/// structure, their profile, the commune they come for — and whether they came. Names stay with the cycle's
/// animateurs and coordinators; public pages show them only when the person agreed.
public struct Participant: Hashable, Sendable, Identifiable {
    public enum Registration: String, CaseIterable, Codable, Sendable {
        case invite
        case inscrit

        public var label: String {
            switch self {
            case .invite: "Invité"
            case .inscrit: "Inscrit"
            }
        }
    }

    public var id: Int
    public var meetingID: Int
    public var name: String
    public var structure: String
    /// The structure in the directory, when it is one.
    public var structureID: String?
    public var profile: ParticipantProfile
    public var commune: CommuneCode?
    public var registration: Registration
    public var attended: Bool
    /// The person agreed that their name be shown on public pages and in the report.
    public var namedInPublic: Bool

    public init(
        id: Int = 0, meetingID: Int, name: String, structure: String, structureID: String? = nil, profile: ParticipantProfile,
        commune: CommuneCode? = nil, registration: Registration = .invite, attended: Bool = false, namedInPublic: Bool = false
    ) {
        self.id = id
        self.meetingID = meetingID
        self.name = name
        self.structure = structure
        self.structureID = structureID
        self.profile = profile
        self.commune = commune
        self.registration = registration
        self.attended = attended
        self.namedInPublic = namedInPublic
    }

    public static let nameLength = 1...80
    public static let structureLength = 0...200
    /// A meeting gathers ~20 people; a room never holds this many.
    public static let maxPerMeeting = 200

    public func problems(in territory: TerritoryData) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !Self.nameLength.contains(name.storedLength) { problems.append(.init(field: "Nom", expected: "un nom ou un prénom de 1 à 80 caractères")) }
        if !Self.structureLength.contains(structure.storedLength) { problems.append(.init(field: "Structure", expected: "au plus 200 caractères")) }
        for (field, text) in [("Nom", name), ("Structure", structure)] where DeclaredName.isRefused(text) {
            problems.append(.init(field: field, expected: DeclaredName.expectation))
        }
        if let commune, territory.commune(commune) == nil { problems.append(.init(field: "Commune", expected: "une commune connue")) }
        return problems
    }
}
