import MaillageCore

/// A card sent to a table of a meeting that already holds ``WorkshopCard/maxPerTable`` cards.
public struct TableFull: Error, Hashable, Sendable {
    public var table: CommuneCode
    public var limit: Int
}
