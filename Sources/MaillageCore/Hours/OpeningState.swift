/// What opening hours say of a moment: open, closed or unknown, with the rule's comment (« sur rendez-vous »).
public struct OpeningState: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case open, closed, unknown
    }

    public var kind: Kind
    public var comment: String?

    public init(_ kind: Kind, comment: String? = nil) {
        self.kind = kind
        self.comment = comment
    }

    /// Closed, with nothing said: what every moment no rule covers is.
    public static let closed = OpeningState(.closed)
}
