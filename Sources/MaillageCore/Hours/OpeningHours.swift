import Foundation

/// Opening hours as a source wrote them, with the weekly schedule Maillage could read from them.
///
/// Reading never fails: text that is not understood leaves ``schedule`` nil and explains why in ``problem``,
/// and the raw text is always kept for display.
public struct OpeningHours: Hashable, Codable, Sendable {
    public var raw: String
    public var schedule: WeeklySchedule?
    /// Why the text could not be read, or what was tolerated (e.g. `9h30` instead of `09:30`).
    public var problem: String?

    public init(raw: String, schedule: WeeklySchedule?, problem: String?) {
        self.raw = raw
        self.schedule = schedule
        self.problem = problem
    }

    /// Reads an OSM `opening_hours` value (the subset found in French mediation data: weekday lists and ranges,
    /// comma-separated time spans, `off`/`closed`, `24/7`, `PH off`; later rules replace earlier ones for their days).
    public init(osm text: String) {
        self.raw = text
        do {
            var tolerated = false
            self.schedule = try Self.parseOSM(text, tolerated: &tolerated)
            self.problem = tolerated ? "Horaires dans un format non standard (ex. « 9h30 ») lus avec tolérance" : nil
        } catch {
            self.schedule = nil
            self.problem = error.message
        }
    }

    /// Reads the France Services per-day free text ("09:00 - 12:00 / 13:30 - 17:00"); days absent are closed.
    public init(franceServicesDays: [(Weekday, String)]) {
        var schedule = WeeklySchedule()
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
            for pair in stride(from: 0, to: times.count, by: 2) { schedule.add(times[pair], times[pair + 1], on: day) }
        }
        self.schedule = anyFilled && problems.isEmpty ? schedule : nil
        self.problem = problems.isEmpty ? (anyFilled ? nil : "Aucun horaire renseigné") : problems.joined(separator: " ; ")
        self.raw = self.schedule?.osm ?? franceServicesDays.map { "\($0.0.osmCode) \($0.1)" }.joined(separator: "; ")
    }

    // MARK: - OSM grammar

    struct ParseError: Error { let message: String }

    private static func parseOSM(_ text: String, tolerated: inout Bool) throws(ParseError) -> WeeklySchedule {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { throw ParseError(message: "Horaires vides") }
        if trimmed == "24/7" { return fullWeek() }
        var schedule = WeeklySchedule()
        for rule in trimmed.split(separator: ";") {
            let rule = rule.trimmed
            if rule.isEmpty { continue }
            try apply(rule: rule, to: &schedule, tolerated: &tolerated)
        }
        return schedule
    }

    private static func fullWeek() -> WeeklySchedule {
        var schedule = WeeklySchedule()
        for day in Weekday.allCases { schedule[day] = [TimeSpan(start: 0, end: 1440)] }
        return schedule
    }

    private static func apply(rule: String, to schedule: inout WeeklySchedule, tolerated: inout Bool) throws(ParseError) {
        let parts = rule.split(separator: " ", maxSplits: 1).map(String.init)
        var days: [Weekday] = Weekday.allCases
        var timePart = rule
        if let first = parts.first, first.first?.isLetter == true, first.lowercased() != "off", first.lowercased() != "closed" {
            // public/school holidays and yearly closures (`Aug 01-Aug 15 off`): not part of a typical week
            if first == "PH" || first == "SH" { return }
            if AnnualClosure.startsWithMonth(first), rule.hasSuffix(" off") || rule.hasSuffix(" closed") { return }
            days = try weekdays(first)
            timePart = parts.count > 1 ? parts[1].trimmed : ""
        }
        guard !timePart.isEmpty else { throw ParseError(message: "Règle « \(rule) » sans horaire") }
        let lowered = timePart.lowercased()
        if lowered == "off" || lowered == "closed" {
            for day in days { schedule[day] = [] }
            return
        }
        var spans: [(Int, Int)] = []
        for spanText in timePart.split(separator: ",") {
            spans.append(try span(String(spanText).trimmed, in: rule, tolerated: &tolerated))
        }
        for day in days {
            schedule[day] = []
            for (start, end) in spans { schedule.add(start, end, on: day) }
        }
    }

    private static func weekdays(_ selector: String) throws(ParseError) -> [Weekday] {
        var result: [Weekday] = []
        for item in selector.split(separator: ",") {
            let bounds = item.split(separator: "-")
            guard (1...2).contains(bounds.count), let from = Weekday(osmCode: bounds[0]),
                  let to = bounds.count == 2 ? Weekday(osmCode: bounds[1]) : from
            else { throw ParseError(message: "Jours « \(selector) » non reconnus (attendu : Mo, Tu, We, Th, Fr, Sa, Su)") }
            var day = from
            while true {
                result.append(day)
                if day == to { break }
                day = Weekday(rawValue: (day.rawValue + 1) % 7)!
            }
        }
        return result
    }

    private static func span(_ text: String, in rule: String, tolerated: inout Bool) throws(ParseError) -> (Int, Int) {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let start = clock(String(bounds[0]), tolerated: &tolerated),
              let end = clock(String(bounds[1]), tolerated: &tolerated)
        else { throw ParseError(message: "Plage « \(text) » illisible dans « \(rule) » (attendu : HH:MM-HH:MM)") }
        return (start, end)
    }

    /// `HH:MM` (strict OSM) or, tolerated, `9h`, `9h30`, `9:30`.
    private static func clock(_ text: String, tolerated: inout Bool) -> Int? {
        let text = text.trimmed
        let strict = text.count == 5 && Array(text)[2] == ":"
        let separators = CharacterSet(charactersIn: ":hH")
        let pieces = text.components(separatedBy: separators)
        guard (1...2).contains(pieces.count), let hours = Int(pieces[0]), (0...24).contains(hours) else { return nil }
        let minutes = pieces.count == 2 && !pieces[1].isEmpty ? Int(pieces[1]) : 0
        guard let minutes, (0..<60).contains(minutes), hours * 60 + minutes <= 1440 else { return nil }
        if !strict { tolerated = true }
        return hours * 60 + minutes
    }

    /// Every `HH:MM` / `HHhMM` time in free text, in order, as minutes.
    static func clockTimes(in text: String) -> [Int] {
        var result: [Int] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func digits(from start: Int) -> (Int, Int)? {
            var end = start
            while end < scalars.count, end - start < 2, CharacterSet.decimalDigits.contains(scalars[end]) { end += 1 }
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
