import Foundation
import MaillageCore

/// How numbers are written on French pages.
enum French {
    /// `159883` → `159 883` (narrow no-break space as thousands separator).
    static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "−" : "") + groups.joined(separator: "\u{202F}")
    }

    /// `0 lieu`, `1 lieu`, `12 lieux`, `1 234 lieux`: French takes the singular below two.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(value)) \(abs(value) < 2 ? singular : plural)"
    }

    /// Items as a sentence lists them: « Bellaing », « Bellaing et Wallers », « Bellaing, Raismes et Wallers ».
    static func list(_ items: [String]) -> String { items.frenchList }

    /// An instant as the journal shows it, in Paris time: `01/12/2026 14:05`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// `2.345` → `2,3`.
    static func decimal(_ value: Double, digits: Int = 1) -> String {
        FixedPoint.format(value, digits: digits, separator: ",")
    }
}

extension WeeklySchedule {
    /// Each weekday with its hours read aloud: "9 h – 12 h, 13 h 30 – 17 h", or "fermé".
    var frenchWeek: [(day: Weekday, hours: String)] {
        Weekday.allCases.map { day in
            let spans = self[day]
            return (
                day,
                spans.isEmpty ? "fermé" : spans.map { "\(TimeSpan.frenchClock($0.start)) – \(TimeSpan.frenchClock($0.end))" }.joined(separator: ", ")
            )
        }
    }
}
