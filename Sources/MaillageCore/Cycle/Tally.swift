/// How many of something: a profile, a kind of card, a commune.
public struct Tally<Key: Hashable & Sendable>: Hashable, Sendable {
    public var key: Key
    public var count: Int

    public init(_ key: Key, _ count: Int) {
        self.key = key
        self.count = count
    }
}
