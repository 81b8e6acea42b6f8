/// Day arithmetic on the proleptic Gregorian calendar, without Foundation: the opening-hours evaluator runs it for
/// every place and every day it looks at.
extension CalendarDay {
    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `ordinal` days after 1970-01-01; nil outside the years ``CalendarDay`` accepts.
    public init?(ordinal: Int) {
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day `count` days later (earlier when negative); the same day at the ends of the supported years.
    public func adding(days count: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + count) ?? self }

    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let offset = (ordinal + 3) % 7
        return Weekday(rawValue: offset < 0 ? offset + 7 : offset)!
    }

    /// The ISO 8601 week number (1…53): weeks start on Monday, week 1 holds the year's first Thursday.
    public var isoWeek: Int {
        let thursday = adding(days: 3 - weekday.rawValue)
        let firstOfYear = CalendarDay(year: thursday.year, month: 1, day: 1) ?? thursday
        return (thursday.ordinal - firstOfYear.ordinal) / 7 + 1
    }

    /// How many days the day's month has.
    public var daysInMonth: Int { Self.daysIn(month: month, year: year) }
}
