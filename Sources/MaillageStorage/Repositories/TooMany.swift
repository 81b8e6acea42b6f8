/// A list already holds as many rows as it may.
public struct TooMany: Error, Hashable, Sendable {
    public var limit: Int
}
