/// The same link (same structures, same kind) is already recorded.
public struct DuplicatePartnership: Error, Hashable, Sendable {
    public var existingID: Int
}
