import Foundation

/// Opening time within one day, in minutes since midnight; `end` is after `start`, at most 24:00 in a week's
/// schedule and up to 48:00 in an OSM rule whose span runs past midnight (``OpeningRule/spans``).
public struct TimeSpan: Hashable, Codable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { end - start }

    public func contains(minute: Int) -> Bool { minute >= start && minute < end }

    /// `HH:MM` as OSM and the standard write it.
    public static func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    /// "9 h", "13 h 30": the French way of reading a time aloud.
    public static func frenchClock(_ minute: Int) -> String {
        minute % 60 == 0 ? "\(minute / 60) h" : String(format: "%d h %02d", minute / 60, minute % 60)
    }

    public var osm: String { "\(Self.clock(start))-\(Self.clock(end))" }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
