/// A closure that comes back every year (`Aug 01-Aug 15 off` in OSM): the summer break, the end-of-year week.
public struct AnnualClosure: Hashable, Codable, Sendable {
    public var fromMonth: Int
    public var fromDay: Int
    public var toMonth: Int
    public var toDay: Int

    public init?(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int) {
        guard Self.isValid(month: fromMonth, day: fromDay), Self.isValid(month: toMonth, day: toDay) else { return nil }
        (self.fromMonth, self.fromDay, self.toMonth, self.toDay) = (fromMonth, fromDay, toMonth, toDay)
    }

    /// `Aug 01-Aug 15 off`.
    public var osm: String {
        "\(Self.monthCodes[fromMonth - 1]) \(Self.twoDigits(fromDay))-\(Self.monthCodes[toMonth - 1]) \(Self.twoDigits(toDay)) off"
    }

    /// « du 1 août au 15 août ».
    public var french: String {
        "du \(fromDay) \(Self.frenchMonths[fromMonth - 1]) au \(toDay) \(Self.frenchMonths[toMonth - 1])"
    }

    /// The OSM month codes, January first.
    public static let monthCodes = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"
    ]

    private static func isValid(month: Int, day: Int) -> Bool {
        (1...12).contains(month) && (1...[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(day)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
