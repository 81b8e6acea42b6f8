/// A day of the week in OSM order (Monday first).
public enum Weekday: Int, CaseIterable, Codable, Sendable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The OSM two-letter code: `Mo`, `Tu`, …
    public var osmCode: String { ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][rawValue] }

    /// The French name, lower case: "lundi", …
    public var frenchName: String { ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][rawValue] }

    public init?(osmCode: some StringProtocol) {
        guard let day = Weekday.allCases.first(where: { $0.osmCode.lowercased() == osmCode.lowercased() }) else { return nil }
        self = day
    }

    /// The weekday of a Gregorian calendar date (`weekday` 1 = Sunday … 7 = Saturday, as Foundation's Calendar gives).
    public init(gregorianWeekday: Int) {
        self = Weekday(rawValue: (gregorianWeekday + 5) % 7)!
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
