/// How many places a commune (or a perimeter) has, told apart by what they declare: a place counts as help only
/// when it declares at least one service; the others are recorded by a file without any declared offer.
public struct PlaceCount: Hashable, Sendable {
    /// Places declaring at least one service.
    public var offering: Int
    /// Places recorded without any declared service (« lieu recensé, offre non déclarée »).
    public var recordedOnly: Int

    public init(offering: Int = 0, recordedOnly: Int = 0) {
        self.offering = offering
        self.recordedOnly = recordedOnly
    }

    /// Counts the given places.
    public init(_ entries: some Sequence<PlaceIndex.Entry>) {
        self.init()
        for entry in entries { if entry.declaresAnOffer { offering += 1 } else { recordedOnly += 1 } }
    }

    public var total: Int { offering + recordedOnly }

    public static func + (lhs: PlaceCount, rhs: PlaceCount) -> PlaceCount {
        PlaceCount(offering: lhs.offering + rhs.offering, recordedOnly: lhs.recordedOnly + rhs.recordedOnly)
    }
}

extension PlaceIndex.Entry {
    /// Whether the place declares at least one service: only then is it counted as help.
    public var declaresAnOffer: Bool { !traits.services.isEmpty }
}
