/// A time window of the typical week: "mardi matin", "samedi après-midi".
public struct WeeklySlot: Hashable, Codable, Sendable {
    public var day: Weekday
    public var span: TimeSpan

    public init(day: Weekday, span: TimeSpan) {
        self.day = day
        self.span = span
    }

    /// The usual parts of a day.
    public enum Part: String, CaseIterable, Sendable {
        case matin, apresMidi = "apres-midi", soir

        public var span: TimeSpan {
            switch self {
            case .matin: TimeSpan(start: 8 * 60, end: 12 * 60)
            case .apresMidi: TimeSpan(start: 12 * 60, end: 18 * 60)
            case .soir: TimeSpan(start: 18 * 60, end: 21 * 60)
            }
        }

        public var label: String {
            switch self {
            case .matin: "matin"
            case .apresMidi: "après-midi"
            case .soir: "soir"
            }
        }
    }

    public init(day: Weekday, part: Part) { self.init(day: day, span: part.span) }

    /// "mardi matin", or "mardi de 14 h à 16 h".
    public var label: String {
        if let part = Part.allCases.first(where: { $0.span == span }) { return "\(day.frenchName) \(part.label)" }
        return "\(day.frenchName) de \(TimeSpan.frenchClock(span.start)) à \(TimeSpan.frenchClock(span.end))"
    }
}
