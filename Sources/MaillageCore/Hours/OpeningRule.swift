/// One rule of an OSM `opening_hours` value: the days it selects, the time spans on them and what it says of them.
public struct OpeningRule: Hashable, Sendable {
    /// How a rule combines with the rules before it (`;`, `,` and `||` in the text).
    public enum Combination: Hashable, Sendable {
        /// `;` — replaces what earlier rules said of every day it selects.
        case normal
        /// `,` — adds its spans to what earlier rules said.
        case additional
        /// `||` — applies only on days no earlier rule selects (or that they leave closed).
        case fallback
    }

    public var combination: Combination
    public var days: DaySelector
    /// The spans of the selected days, in minutes from their midnight (an end past 24:00 continues the next day);
    /// nil for the whole day.
    public var spans: [TimeSpan]?
    public var state: OpeningState

    public init(
        combination: Combination = .normal, days: DaySelector = DaySelector(), spans: [TimeSpan]? = nil, state: OpeningState = OpeningState(.open)
    ) {
        self.combination = combination
        self.days = days
        self.spans = spans
        self.state = state
    }

    /// The rule's part of a day: its spans on that day when it selects it, and what its spans of the day before run
    /// past midnight. Nil when the rule says nothing of the day.
    func schedule(on day: CalendarDay, selectsDay: Bool, holidays: PublicHolidays) -> DaySchedule? {
        let spans = spans ?? [TimeSpan(start: 0, end: 1440)]
        let today = selectsDay ? DaySchedule(ranges: spans.map { $0.start..<min($0.end, 1440) }, state: state) : nil
        let overflow = spans.filter { $0.end > 1440 }.map { 0..<($0.end - 1440) }
        guard !overflow.isEmpty, days.matches(day.adding(days: -1), holidays: holidays) else { return today }
        let yesterday = DaySchedule(ranges: overflow, state: state)
        guard var today else { return yesterday }
        today.overlay(yesterday)
        return today
    }
}
