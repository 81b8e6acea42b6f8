/// A parsed OSM `opening_hours` value, evaluated day by day with the semantics of the reference evaluator
/// (`opening-hours-py`):
/// - a `;` rule replaces, for every day it selects, what earlier rules said of that day (but one that closes given
///   hours, `We 12:00-14:00 off`, closes those hours only); its spans running past midnight continue on the next day
///   unless a later rule selects that day;
/// - a `,` rule lays its spans over what earlier rules said;
/// - a `||` rule applies on days no earlier rule selected, or that they left closed all day;
/// - an end at or before the start runs to the next day (`20:00-08:00`; `14:00-14:00` is 24 hours, `00:00-00:00` the
///   whole day); `10:00+` is open until midnight; a comment alone (`"sur rendez-vous"`) is open, with the comment.
public struct OpeningHoursExpression: Hashable, Sendable {
    public let rules: [OpeningRule]

    /// Reads `text`; throws a French message with the column when it is not valid OSM.
    public init(osm text: String) throws(OpeningHoursSyntaxError) {
        do {
            rules = try OpeningHoursParser.rules(of: text)
        } catch {
            throw OpeningHoursSyntaxError(message: error.message)
        }
    }

    /// What the hours say of each minute of `day`.
    public func schedule(on day: CalendarDay, holidays: PublicHolidays) -> DaySchedule {
        var selected = false
        var result: DaySchedule?
        for rule in rules {
            let selects = rule.days.matches(day, holidays: holidays)
            let current = rule.schedule(on: day, selectsDay: selects, holidays: holidays)
            switch rule.combination {
            case .normal where selects && rule.state.kind == .closed && rule.spans != nil && result != nil:
                // closing some hours of a day (`We 12:00-14:00 off`) closes those hours only
                result!.overlay(current ?? DaySchedule())
                selected = true
            case .normal:
                result = selects ? current : (result ?? current)
                selected = selected || selects
            case .additional:
                if var earlier = result, let current {
                    earlier.overlay(current)
                    result = earlier
                } else {
                    result = result ?? current
                }
                selected = selected || selects
            case .fallback:
                if !selected || result?.isAlwaysClosed ?? true {
                    result = current
                    selected = selects
                }
            }
        }
        return result ?? DaySchedule()
    }

    /// What the hours say of a moment (a minute of a day, local time).
    public func state(on day: CalendarDay, atMinute minute: Int, holidays: PublicHolidays) -> OpeningState {
        schedule(on: day, holidays: holidays).state(atMinute: minute)
    }

    /// The open hours of the week starting on `monday`, as a weekly schedule.
    public func week(startingOn monday: CalendarDay, holidays: PublicHolidays = .france) -> WeeklySchedule {
        var week = WeeklySchedule()
        for offset in 0..<7 {
            let day = monday.adding(days: offset)
            week[day.weekday] = schedule(on: day, holidays: holidays).openRanges.map { TimeSpan(start: $0.lowerBound, end: $0.upperBound) }
        }
        return week
    }
}

/// Why a text is not valid OSM `opening_hours`, in French, with the column.
public struct OpeningHoursSyntaxError: Error, Hashable, Sendable {
    public let message: String
}
