import Foundation

extension CalendarDay {
    /// The day an instant falls on in France.
    public init(_ date: Date) {
        let parts = Self.paris.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int { other.ordinal - ordinal }

    /// « 1er décembre 2026 », « 15 mars 2021 ».
    public var french: String { "\(day == 1 ? "1er" : String(day)) \(AnnualClosure.frenchMonths[month - 1]) \(year)" }

    private static let paris: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar
    }()
}
