import Foundation

extension CalendarDay {
    /// The day an instant falls on in France.
    public init(_ date: Date) {
        let parts = Self.paris.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int {
        let start = Self.paris.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
        let end = Self.paris.date(from: DateComponents(year: other.year, month: other.month, day: other.day)) ?? Date()
        return Self.paris.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// « 1 décembre 2026 ».
    public var french: String { "\(day) \(AnnualClosure.frenchMonths[month - 1]) \(year)" }

    private static let paris: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar
    }()
}
