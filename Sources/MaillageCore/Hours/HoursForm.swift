/// What the opening-hours editor holds: each day's time ranges, the yearly closures and whether the place closes on
/// public holidays. It writes OSM `opening_hours` that ``OpeningHours`` reads back to the same week.
public struct HoursForm: Hashable, Sendable {
    /// Up to ``rangesPerDay`` ranges for each day, Monday first.
    public var days: [[TimeSpan]]
    public var closures: [AnnualClosure]
    public var closedOnPublicHolidays: Bool

    /// How many ranges a day can hold in the editor (morning, afternoon, evening).
    public static let rangesPerDay = 3
    /// How many yearly closures the editor offers.
    public static let closureCount = 2

    public init(days: [[TimeSpan]] = Array(repeating: [], count: 7), closures: [AnnualClosure] = [], closedOnPublicHolidays: Bool = false) {
        self.days = days
        self.closures = closures
        self.closedOnPublicHolidays = closedOnPublicHolidays
    }

    /// The editor filled from stored hours; nil when the text says more than the editor can show (then the raw text
    /// is edited instead, so that nothing is lost): the editor holds weekday rules, then yearly closures and `PH off`.
    public init?(osm text: String) {
        guard let expression = try? OpeningHoursExpression(osm: text) else { return nil }
        var form = HoursForm()
        var weekRulesEnded = false
        for rule in expression.rules {
            guard rule.combination == .normal, rule.state.comment == nil else { return nil }
            if let closure = Self.closure(rule) {
                form.closures.append(closure)
                weekRulesEnded = true
            } else if Self.isClosedOnPublicHolidays(rule) {
                form.closedOnPublicHolidays = true
                weekRulesEnded = true
            } else {
                guard !weekRulesEnded, Self.isWeekRule(rule) else { return nil }
            }
        }
        form.days = expression.week(startingOn: OpeningHours.typicalWeekMonday).days
        guard form.days.allSatisfy({ $0.count <= Self.rangesPerDay }), form.closures.count <= Self.closureCount else { return nil }
        self = form
    }

    /// `Mo-Fr 09:00-12:00` or `We off`: weekdays only, every week.
    private static func isWeekRule(_ rule: OpeningRule) -> Bool {
        var days = rule.days
        let weekdays = days.weekdays
        days.weekdays = []
        return days.isEveryDay && weekdays.allSatisfy { $0.occurrences.isEmpty && $0.offset == 0 }
            && (rule.state.kind == .open || (rule.state.kind == .closed && rule.spans == nil))
    }

    /// `PH off`.
    private static func isClosedOnPublicHolidays(_ rule: OpeningRule) -> Bool {
        var days = rule.days
        let holidays = days.holidays
        days.holidays = []
        return days.isEveryDay && holidays == [DaySelector.HolidayRange(isSchool: false, offset: 0)] && rule.spans == nil
            && rule.state.kind == .closed
    }

    /// `Aug 01-Aug 15 off`.
    private static func closure(_ rule: OpeningRule) -> AnnualClosure? {
        var days = rule.days
        let monthdays = days.monthdays
        days.monthdays = []
        guard days.isEveryDay, rule.spans == nil, rule.state.kind == .closed, monthdays.count == 1,
            case .dates(let from, let to) = monthdays[0], from.year == nil, to.year == nil, from.offset == 0, to.offset == 0,
            case .date(let fromMonth, let fromDay) = from.anchor, case .date(let toMonth, let toDay) = to.anchor
        else { return nil }
        return AnnualClosure(fromMonth: fromMonth, fromDay: fromDay, toMonth: toMonth, toDay: toDay)
    }

    /// The week as a schedule.
    public var schedule: WeeklySchedule {
        var schedule = WeeklySchedule()
        for day in Weekday.allCases { for span in days[day.rawValue] { schedule.add(span.start, span.end, on: day) } }
        return schedule
    }

    /// The OSM `opening_hours` text; nil when the week is empty and nothing else is said.
    public var osm: String? {
        let week = schedule.osm
        let rules = (week.isEmpty ? [] : [week]) + closures.map(\.osm) + (closedOnPublicHolidays ? ["PH off"] : [])
        return week.isEmpty ? nil : rules.joined(separator: "; ")
    }
}
