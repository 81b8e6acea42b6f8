/// A card sent to a meeting whose workshop is not open.
public struct WorkshopClosed: Error, Hashable, Sendable {}
