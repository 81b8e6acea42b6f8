/// A card merged into itself, into a card of another table or into one not shown.
public struct InvalidMerge: Error, Hashable, Sendable {}
