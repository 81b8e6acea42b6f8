/// Opening hours as a source wrote them, read with ``OpeningHoursExpression``.
///
/// Reading never fails: text that is not valid OSM leaves ``expression`` and ``schedule`` nil and explains why in
/// ``problem``; the raw text is always kept for display.
public struct OpeningHours: Hashable, Sendable {
    public var raw: String
    /// The rules, evaluated at dates (« ouvert maintenant », public holidays, closures).
    public var expression: OpeningHoursExpression?
    /// The typical week: the evaluation of ``typicalWeekMonday``'s week, an ordinary week of autumn with no
    /// public holiday. Searches by weekday and hour, journeys and the diagnostic read it.
    public var schedule: WeeklySchedule?
    /// Why the text could not be read.
    public var problem: String?

    /// The Monday of the week the typical week is read from (5 October 2026: no public or school holiday).
    public static let typicalWeekMonday = CalendarDay(year: 2026, month: 10, day: 5)!

    public init(osm text: String) {
        raw = text
        do {
            let expression = try OpeningHoursExpression(osm: text)
            self.expression = expression
            schedule = expression.week(startingOn: Self.typicalWeekMonday)
            problem = nil
        } catch {
            expression = nil
            schedule = nil
            problem = error.message
        }
    }

    /// Reads the France Services per-day free text ("09:00 - 12:00 / 13:30 - 17:00"); days absent are closed.
    public init(franceServicesDays: [(Weekday, String)]) {
        var week = WeeklySchedule()
        var problems: [String] = []
        var anyFilled = false
        for (day, text) in franceServicesDays {
            let trimmed = text.trimmed
            if trimmed.isEmpty || trimmed == "-" { continue }
            anyFilled = true
            let times = Self.clockTimes(in: trimmed)
            if times.isEmpty || times.count % 2 != 0 {
                problems.append("\(day.frenchName) : « \(trimmed) » illisible")
                continue
            }
            for pair in stride(from: 0, to: times.count, by: 2) { week.add(times[pair], times[pair + 1], on: day) }
        }
        let readable = anyFilled && problems.isEmpty && !week.isEmpty
        raw = readable ? week.osm : franceServicesDays.map { "\($0.0.osmCode) \($0.1)" }.joined(separator: "; ")
        expression = readable ? try? OpeningHoursExpression(osm: raw) : nil
        schedule = expression.map { $0.week(startingOn: Self.typicalWeekMonday) }
        problem = problems.isEmpty ? (anyFilled ? nil : "Aucun horaire renseigné") : problems.joined(separator: " ; ")
    }

    /// The same hours written as valid OSM when the text only strays in how it writes times (`9h30`, `9h-12h`,
    /// `14H00`): what the structure is asked to confirm. Nil when the text is valid or still unreadable.
    public var suggestion: String? {
        guard expression == nil else { return nil }
        var result = ""
        var characters = Array(raw)[...]
        while let first = characters.first {
            guard first.isASCII, first.isNumber else {
                result.append(first)
                characters = characters.dropFirst()
                continue
            }
            let hours = characters.prefix { $0.isASCII && $0.isNumber }
            var rest = characters.dropFirst(hours.count)
            guard hours.count <= 2, let hour = Int(String(hours)), hour <= 24, let mark = rest.first, "hH:".contains(mark) else {
                result += hours
                characters = rest
                continue
            }
            rest = rest.dropFirst()
            let minutes = rest.prefix { $0.isASCII && $0.isNumber }
            guard minutes.isEmpty || (minutes.count == 2 && Int(String(minutes))! < 60) else { return nil }
            result += TimeSpan.clock(hour * 60 + (Int(String(minutes)) ?? 0))
            characters = rest.dropFirst(minutes.count)
        }
        return (try? OpeningHoursExpression(osm: result)) == nil || result == raw ? nil : result
    }

    /// Every `HH:MM` / `HHhMM` time in free text, in order, as minutes.
    static func clockTimes(in text: String) -> [Int] {
        var result: [Int] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func digits(from start: Int) -> (Int, Int)? {
            var end = start
            while end < scalars.count, end - start < 2, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard end > start else { return nil }
            return (Int(String(String.UnicodeScalarView(scalars[start..<end])))!, end)
        }
        while index < scalars.count {
            guard let (hours, afterHours) = digits(from: index) else { index += 1; continue }
            var cursor = afterHours
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            if cursor < scalars.count, ":hH".unicodeScalars.contains(scalars[cursor]) {
                cursor += 1
                let (minutes, afterMinutes) = digits(from: cursor) ?? (0, cursor)
                if hours <= 24, minutes < 60 { result.append(hours * 60 + minutes) }
                index = afterMinutes
            } else {
                index = afterHours
            }
        }
        return result
    }
}
