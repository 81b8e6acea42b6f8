/// A set of values of one standard vocabulary held as bits (one per case, in case order), so that a search can test
/// a place without hashing or allocating.
public struct VocabularyBits<Value: StandardVocabulary>: Hashable, Sendable {
    public let rawValue: UInt32

    public init(_ values: some Sequence<Value>) {
        let cases = Array(Value.allCases)
        precondition(cases.count <= 32, "\(Value.self) has more cases than VocabularyBits can hold")
        rawValue = values.reduce(0) { bits, value in bits | 1 << UInt32(cases.firstIndex(of: value)!) }
    }

    /// The set stored as these bits; nil when a bit names no case of the vocabulary.
    public init?(rawValue: UInt32) {
        guard Value.allCases.count >= 32 || rawValue >> UInt32(Value.allCases.count) == 0 else { return nil }
        self.rawValue = rawValue
    }

    /// The values of the set, in the vocabulary's case order.
    public var values: [Value] {
        guard rawValue != 0 else { return [] }
        let cases = Array(Value.allCases)
        var values: [Value] = []
        var bits = rawValue
        while bits != 0 {
            values.append(cases[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
        return values
    }

    /// The largest raw value of this vocabulary (every case set), for a database check.
    public static var maximumRawValue: UInt32 { Value.allCases.count >= 32 ? .max : (1 << UInt32(Value.allCases.count)) - 1 }

    public var isEmpty: Bool { rawValue == 0 }

    /// Whether the two sets share a value.
    public func intersects(_ other: Self) -> Bool { rawValue & other.rawValue != 0 }

    /// Whether every value of `other` is in this set.
    public func isSuperset(of other: Self) -> Bool { rawValue & other.rawValue == other.rawValue }
}
