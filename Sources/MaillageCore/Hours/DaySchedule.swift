/// What opening hours say of one day: intervals of minutes (0…1440) each with its state; a minute no interval covers
/// is closed.
public struct DaySchedule: Hashable, Sendable {
    public struct Interval: Hashable, Sendable {
        public var minutes: Range<Int>
        public var state: OpeningState
    }

    /// Sorted, disjoint, never empty ranges.
    public private(set) var intervals: [Interval] = []

    public init() {}

    init(ranges: [Range<Int>], state: OpeningState) {
        for range in ranges { overlay(Interval(minutes: range, state: state)) }
    }

    /// Lays `other` over this schedule: where it has an interval, its state wins.
    mutating func overlay(_ other: DaySchedule) {
        for interval in other.intervals { overlay(interval) }
    }

    private mutating func overlay(_ interval: Interval) {
        guard !interval.minutes.isEmpty else { return }
        var result: [Interval] = []
        for existing in intervals {
            if existing.minutes.lowerBound < interval.minutes.lowerBound {
                let before = existing.minutes.lowerBound..<min(existing.minutes.upperBound, interval.minutes.lowerBound)
                result.append(Interval(minutes: before, state: existing.state))
            }
            if existing.minutes.upperBound > interval.minutes.upperBound {
                let after = max(existing.minutes.lowerBound, interval.minutes.upperBound)..<existing.minutes.upperBound
                result.append(Interval(minutes: after, state: existing.state))
            }
        }
        result.append(interval)
        intervals = result.sorted { $0.minutes.lowerBound < $1.minutes.lowerBound }
    }

    /// The state at a minute of the day.
    public func state(atMinute minute: Int) -> OpeningState {
        intervals.first { $0.minutes.contains(minute) }?.state ?? .closed
    }

    /// Whether no minute of the day is open or unknown.
    public var isAlwaysClosed: Bool { intervals.allSatisfy { $0.state.kind == .closed } }

    /// The open ranges, adjacent ones joined.
    public var openRanges: [Range<Int>] {
        var result: [Range<Int>] = []
        for interval in intervals where interval.state.kind == .open {
            if let last = result.last, last.upperBound == interval.minutes.lowerBound {
                result[result.count - 1] = last.lowerBound..<interval.minutes.upperBound
            } else {
                result.append(interval.minutes)
            }
        }
        return result
    }
}
