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
    /// is edited instead, so that nothing is lost).
    public init?(osm text: String) {
        let hours = OpeningHours(osm: text)
        guard let schedule = hours.schedule, hours.problem == nil else { return nil }
        var form = HoursForm()
        for rule in text.split(separator: ";").map(\.trimmed) where !rule.isEmpty {
            if rule == "PH off" || rule == "PH closed" {
                form.closedOnPublicHolidays = true
            } else if let first = rule.split(separator: " ").first, AnnualClosure.startsWithMonth(first) {
                guard rule.hasSuffix(" off"), let closure = AnnualClosure(osmSelector: rule.dropLast(4)) else { return nil }
                form.closures.append(closure)
            } else if rule.hasPrefix("PH") || rule.hasPrefix("SH") {
                return nil
            }
        }
        form.days = Weekday.allCases.map { schedule[$0] }
        guard form.days.allSatisfy({ $0.count <= Self.rangesPerDay }), form.closures.count <= Self.closureCount else { return nil }
        self = form
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
