import Foundation
import MaillageCore

/// Meeting times as people write and read them: in Paris time, whatever the server's zone.
enum ParisTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        return calendar
    }()

    /// The instant of a `datetime-local` field (`2023-02-02T09:30`, seconds allowed), read in Paris time.
    static func date(local text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CalendarDay(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1], (0...23).contains(hour), (0...59).contains(minute) else {
            return nil
        }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    /// The value of a `datetime-local` field for an instant.
    static func local(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return CalendarDay(date).description + "T" + String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// « 2 février 2023 à 9 h 30 ».
    static func french(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return CalendarDay(date).french + " à " + TimeSpan.frenchClock((parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// « du 2 février 2023 au 15 juillet 2023 », « à partir du … », « jusqu'au … »; nil without dates.
    static func period(from start: CalendarDay?, to end: CalendarDay?) -> String? {
        switch (start, end) {
        case (let start?, let end?): "du \(start.french) au \(end.french)"
        case (let start?, nil): "à partir du \(start.french)"
        case (nil, let end?): "jusqu'au \(end.french)"
        case (nil, nil): nil
        }
    }
}
