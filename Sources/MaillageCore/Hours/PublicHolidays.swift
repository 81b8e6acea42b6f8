/// The French public holidays (jours fériés, Code du travail L3133-1), and the two more of Alsace-Moselle
/// (Bas-Rhin 67, Haut-Rhin 68, Moselle 57: Vendredi saint and Saint-Étienne, L3134-13).
///
/// The national map's library and the reference evaluator (`opening-hours-py`, country FR) know the eleven national
/// days only; Maillage adds the local ones for places of those three departments.
public struct PublicHolidays: Hashable, Sendable {
    /// Whether the two Alsace-Moselle days are holidays too.
    public let alsaceMoselle: Bool

    public init(alsaceMoselle: Bool = false) { self.alsaceMoselle = alsaceMoselle }

    /// The calendar of a department (`"67"`, `"2A"`…): Alsace-Moselle's in 57, 67 and 68, the national one elsewhere.
    public init(department: String?) {
        self.init(alsaceMoselle: department.map(Self.alsaceMoselleDepartments.contains) ?? false)
    }

    /// The national calendar.
    public static let france = PublicHolidays()
    /// The departments with local law's two more holidays.
    public static let alsaceMoselleDepartments: Set<String> = ["57", "67", "68"]

    /// Whether the day is a public holiday.
    public func contains(_ day: CalendarDay) -> Bool { name(of: day) != nil }

    /// The holiday's French name (« Fête nationale »), nil on an ordinary day.
    public func name(of day: CalendarDay) -> String? {
        switch (day.month, day.day) {
        case (1, 1): return "Jour de l'an"
        case (5, 1): return "Fête du Travail"
        case (5, 8): return "Victoire 1945"
        case (7, 14): return "Fête nationale"
        case (8, 15): return "Assomption"
        case (11, 1): return "Toussaint"
        case (11, 11): return "Armistice 1918"
        case (12, 25): return "Noël"
        case (12, 26) where alsaceMoselle: return "Saint-Étienne"
        default: break
        }
        guard (3...6).contains(day.month), let easter = Self.easterSunday(year: day.year) else { return nil }
        switch day.ordinal - easter.ordinal {
        case -2 where alsaceMoselle: return "Vendredi saint"
        case 1: return "Lundi de Pâques"
        case 39: return "Ascension"
        case 50: return "Lundi de Pentecôte"
        default: return nil
        }
    }

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
    public static func easterSunday(year: Int) -> CalendarDay? {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day)
    }
}
