/// One field of a declaration: the value proposed for a column of the standard, and the value the place had when it
/// was proposed (both as the standard's text cell, lists joined by `|`).
public struct DeclaredField: Hashable, Codable, Sendable {
    /// A coordinator's decision on one field.
    public enum Decision: String, Codable, Sendable {
        case pending = "en_attente"
        case accepted = "accepte"
        case rejected = "refuse"
    }

    public var column: StandardColumn
    public var proposed: String
    /// The place's value when the declaration was made ("" for a new place or an empty field).
    public var previous: String
    public var decision: Decision

    public init(column: StandardColumn, proposed: String, previous: String, decision: Decision = .pending) {
        self.column = column
        self.proposed = proposed
        self.previous = previous
        self.decision = decision
    }
}
