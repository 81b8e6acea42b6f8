/// The opening hours of a typical week: for each weekday, sorted non-overlapping spans.
public struct WeeklySchedule: Hashable, Codable, Sendable {
    /// Indexed by `Weekday.rawValue`.
    public private(set) var days: [[TimeSpan]]

    public init() { days = Array(repeating: [], count: 7) }

    public subscript(day: Weekday) -> [TimeSpan] {
        get { days[day.rawValue] }
        set { days[day.rawValue] = Self.normalised(newValue) }
    }

    /// Adds a span; a span crossing midnight (end ≤ start) continues on the next day.
    public mutating func add(_ start: Int, _ end: Int, on day: Weekday) {
        if end > start {
            self[day] = self[day] + [TimeSpan(start: start, end: min(end, 1440))]
        } else if end < start || (end == start && start == 0) {
            self[day] = self[day] + [TimeSpan(start: start, end: 1440)]
            if end > 0 {
                let next = Weekday(rawValue: (day.rawValue + 1) % 7)!
                self[next] = self[next] + [TimeSpan(start: 0, end: end)]
            }
        }
    }

    /// The first opening time within a slot of the week, if any.
    public func overlap(with slot: WeeklySlot) -> TimeSpan? {
        self[slot.day].lazy.compactMap { span -> TimeSpan? in
            let start = max(span.start, slot.span.start), end = min(span.end, slot.span.end)
            return end > start ? TimeSpan(start: start, end: end) : nil
        }.first
    }

    public var isEmpty: Bool { days.allSatisfy(\.isEmpty) }

    public func isOpen(on day: Weekday, atMinute minute: Int) -> Bool {
        self[day].contains { $0.contains(minute: minute) }
    }

    public func isOpen(on day: Weekday) -> Bool { !self[day].isEmpty }

    /// Open at some time after `minute` on some day (e.g. after 18:00 = 1080).
    public func isOpenAfter(minute: Int) -> Bool { days.contains { $0.contains { $0.end > minute } } }

    public var isOpenOnSaturday: Bool { isOpen(on: .saturday) }

    public var minutesPerWeek: Int { days.reduce(0) { $0 + $1.reduce(0) { $0 + $1.minutes } } }

    /// When the span containing `minute` ends, if open then.
    public func closingMinute(on day: Weekday, after minute: Int) -> Int? {
        self[day].first { $0.contains(minute: minute) }?.end
    }

    /// The OSM `opening_hours` form, grouping consecutive days with identical spans (`Mo-Fr 09:00-12:00; Sa 10:00-12:00`).
    public var osm: String {
        var rules: [String] = []
        var index = 0
        while index < 7 {
            let spans = days[index]
            var last = index
            while last + 1 < 7 && days[last + 1] == spans { last += 1 }
            if !spans.isEmpty {
                let first = Weekday(rawValue: index)!.osmCode, end = Weekday(rawValue: last)!.osmCode
                let selector = last == index ? first : (last == index + 1 ? "\(first),\(end)" : "\(first)-\(end)")
                rules.append("\(selector) \(spans.map(\.osm).joined(separator: ","))")
            }
            index = last + 1
        }
        return rules.joined(separator: "; ")
    }

    private static func normalised(_ spans: [TimeSpan]) -> [TimeSpan] {
        var merged: [TimeSpan] = []
        for span in spans.sorted() {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }
}
