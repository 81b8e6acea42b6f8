/// The days an opening-hours rule applies to: years, dates or months, ISO weeks, weekdays and holidays.
/// Every kind given must match; within a kind, any item may (weekdays and holidays together form one kind).
public struct DaySelector: Hashable, Sendable {
    /// Years (`2026`, `2025-2027`, `2026-2030/2`, `2027+`) or ISO weeks (`week 01-10`, `week 01-53/2`).
    public struct SteppedRange: Hashable, Sendable {
        public var from: Int
        public var to: Int
        public var step: Int

        func contains(_ year: Int) -> Bool { (from...to).contains(year) && (year - from) % step == 0 }
    }

    /// A day of the year: a date or Easter, in a given year or every year, moved by a number of days.
    public struct DatePoint: Hashable, Sendable {
        public enum Anchor: Hashable, Sendable {
            case date(month: Int, day: Int)
            case easter
        }

        public var year: Int?
        public var anchor: Anchor
        public var offset: Int

        /// The day in `year` (its own year when it has one); nil when the year has no such day (29 February).
        func resolved(in year: Int) -> CalendarDay? {
            let year = self.year ?? year
            let day: CalendarDay? =
                switch anchor {
                case .date(let month, let day): CalendarDay(year: year, month: month, day: day)
                case .easter: PublicHolidays.easterSunday(year: year)
                }
            return offset == 0 ? day : day?.adding(days: offset)
        }
    }

    /// `Jul-Aug`, `Dec`, or `Dec 24-Jan 02`, `Aug 01-15`, `Dec 25`, `easter`.
    public enum MonthdayRange: Hashable, Sendable {
        case months(year: Int?, from: Int, to: Int)
        case dates(from: DatePoint, to: DatePoint)

        func contains(_ day: CalendarDay) -> Bool {
            switch self {
            case .months(let year, let from, let to):
                guard year == nil || year == day.year else { return false }
                return from <= to ? (from...to).contains(day.month) : day.month >= from || day.month <= to
            case .dates(let from, let to):
                for year in from.year.map({ [$0] }) ?? [day.year - 1, day.year] {
                    guard let start = from.resolved(in: year), var end = to.resolved(in: to.year ?? year) else { continue }
                    if end < start, to.year == nil, let next = to.resolved(in: year + 1) { end = next }
                    if start <= day && day <= end { return true }
                }
                return false
            }
        }
    }

    /// `Mo-Fr`, `Fr-Mo`, `We[2]`, `Mo[-1]`, `Mo[1] -1 day`.
    public struct WeekdayRange: Hashable, Sendable {
        public var from: Weekday
        public var to: Weekday
        /// Occurrences of the weekday within its month (1 = first, -1 = last); empty for every one.
        public var occurrences: [ClosedRange<Int>]
        public var offset: Int

        func contains(_ day: CalendarDay) -> Bool {
            let day = offset == 0 ? day : day.adding(days: -offset)
            let weekday = day.weekday
            guard from <= to ? (from...to).contains(weekday) : (weekday >= from || weekday <= to) else { return false }
            guard !occurrences.isEmpty else { return true }
            let fromStart = (day.day - 1) / 7 + 1, fromEnd = -((day.daysInMonth - day.day) / 7 + 1)
            return occurrences.contains { $0.contains(fromStart) || $0.contains(fromEnd) }
        }
    }

    /// `PH` (public holidays) or `SH` (school holidays), moved by a number of days (`PH +1 day`).
    public struct HolidayRange: Hashable, Sendable {
        public var isSchool: Bool
        public var offset: Int

        /// School holidays depend on the academic zone, which neither Maillage nor the reference evaluator knows:
        /// `SH` never matches.
        func contains(_ day: CalendarDay, holidays: PublicHolidays) -> Bool {
            !isSchool && holidays.contains(offset == 0 ? day : day.adding(days: -offset))
        }
    }

    public var years: [SteppedRange] = []
    public var monthdays: [MonthdayRange] = []
    public var weeks: [SteppedRange] = []
    public var weekdays: [WeekdayRange] = []
    public var holidays: [HolidayRange] = []

    public init() {}

    /// Whether nothing restricts the days (the rule applies every day).
    public var isEveryDay: Bool { years.isEmpty && monthdays.isEmpty && weeks.isEmpty && weekdays.isEmpty && holidays.isEmpty }

    /// Whether the rule applies on `day`.
    public func matches(_ day: CalendarDay, holidays calendar: PublicHolidays) -> Bool {
        (years.isEmpty || years.contains { $0.contains(day.year) })
            && (monthdays.isEmpty || monthdays.contains { $0.contains(day) })
            && (weeks.isEmpty || weeks.contains { $0.contains(day.isoWeek) })
            && ((weekdays.isEmpty && holidays.isEmpty) || weekdays.contains { $0.contains(day) }
                || holidays.contains { $0.contains(day, holidays: calendar) })
    }
}
