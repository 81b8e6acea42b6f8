/// How many workshop event streams the instance keeps open at once — in all, per client address and per meeting —
/// and how often a meeting's watcher reads its version. Beyond a cap a stream is refused with a `503`.
public struct EventStreamLimits: Sendable {
    public var total: Int
    /// A room of participants often shares one public address (the venue's Wi-Fi): this must leave room for a room.
    public var perAddress: Int
    public var perMeeting: Int
    /// How often a meeting with listeners is read (one read per meeting, whatever the number of its streams).
    public var interval: Duration

    public init(total: Int = 2_000, perAddress: Int = 100, perMeeting: Int = 300, interval: Duration = .milliseconds(500)) {
        self.total = total
        self.perAddress = perAddress
        self.perMeeting = perMeeting
        self.interval = interval
    }
}
