extension OpeningHoursExpression {
    /// A minute of a given day, local time.
    public struct Moment: Hashable, Sendable {
        public var day: CalendarDay
        public var minute: Int

        public init(day: CalendarDay, minute: Int) {
            self.day = day
            self.minute = minute
        }
    }

    /// The first moment after `moment`, within `days` days, whose state differs from the state at `moment`.
    public func nextChange(after moment: Moment, holidays: PublicHolidays, days: Int = 8) -> Moment? {
        let current = state(on: moment.day, atMinute: moment.minute, holidays: holidays)
        return firstMoment(after: moment, holidays: holidays, days: days) { $0 != current }
    }

    /// The first moment after `moment`, within `days` days, when the place is open.
    public func nextOpening(after moment: Moment, holidays: PublicHolidays, days: Int = 8) -> Moment? {
        firstMoment(after: moment, holidays: holidays, days: days) { $0.kind == .open }
    }

    private func firstMoment(after moment: Moment, holidays: PublicHolidays, days: Int, where test: (OpeningState) -> Bool) -> Moment? {
        for offset in 0..<days {
            let day = moment.day.adding(days: offset)
            let schedule = schedule(on: day, holidays: holidays)
            let bounds = Set([0] + schedule.intervals.flatMap { [$0.minutes.lowerBound, $0.minutes.upperBound] }).filter { $0 < 1440 }
            for minute in bounds.sorted() where offset > 0 || minute > moment.minute {
                if test(schedule.state(atMinute: minute)) { return Moment(day: day, minute: minute) }
            }
        }
        return nil
    }
}
