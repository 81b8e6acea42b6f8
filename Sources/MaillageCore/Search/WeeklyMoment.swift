/// A moment of the typical week: a weekday and a minute of the day.
public struct WeeklyMoment: Hashable, Sendable {
    public var day: Weekday
    public var minute: Int

    public init(day: Weekday, minute: Int) {
        self.day = day
        self.minute = minute
    }
}
