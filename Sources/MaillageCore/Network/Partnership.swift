import Foundation

/// A link between two structures of the network: of a kind, in a state, from a meeting or declared by a structure,
/// with notes; the second structure confirms it.
public struct Partnership: Hashable, Sendable, Identifiable {
    /// Where the link was first named.
    public enum Origin: Hashable, Sendable {
        case meeting(Int)
        case declared
    }

    public var id: Int
    public var territory: Siren
    public var from: String
    public var to: String
    public var kind: PartnershipKind
    public var state: PartnershipState
    public var origin: Origin
    public var notes: String
    /// Whether the second structure (or the territory's coordinator for it) confirmed the link.
    public var confirmed: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int = 0, territory: Siren, from: String, to: String, kind: PartnershipKind, state: PartnershipState = .envisage,
        origin: Origin = .declared, notes: String = "", confirmed: Bool = false, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.territory = territory
        self.from = from
        self.to = to
        self.kind = kind
        self.state = state
        self.origin = origin
        self.notes = notes
        self.confirmed = confirmed
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public static let maxNotesLength = 1_000

    /// What is wrong with the link, against the structures the directory knows.
    public func problems(in structures: StructureDirectory) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if structures[from] == nil { problems.append(.init(field: "Première structure", expected: "une structure de l'annuaire")) }
        if structures[to] == nil { problems.append(.init(field: "Seconde structure", expected: "une structure de l'annuaire")) }
        if from == to { problems.append(.init(field: "Seconde structure", expected: "une autre structure que la première")) }
        if notes.storedLength > Self.maxNotesLength { problems.append(.init(field: "Notes", expected: "au plus 1 000 caractères")) }
        return problems
    }
}
