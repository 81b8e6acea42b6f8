/// Reads OSM `opening_hours` text into rules with the grammar of the specification
/// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification) and the spacing the reference evaluator
/// (`opening-hours-py`) accepts, so that Maillage refuses a value exactly when the national map's tools do.
///
/// Not supported, and refused with a message saying so: solar times (`sunrise`), periodic spans (`10:00-16:00/01:00`)
/// and weekday offsets of dates (`Dec 25 +Mo`).
struct OpeningHoursParser {
    struct Failure: Error {
        let message: String
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ text: String) { bytes = Array(text.utf8) }

    /// The rules of `text`, in order.
    static func rules(of text: String) throws(Failure) -> [OpeningRule] {
        var parser = OpeningHoursParser(text)
        return try parser.expression()
    }

    // MARK: - Rules and separators

    private mutating func expression() throws(Failure) -> [OpeningRule] {
        skipSpaces()
        guard !isAtEnd else { throw Failure(message: "Horaires vides") }
        var rules = [try rule(.normal)]
        while true {
            let end = position
            skipSpaces()
            if isAtEnd { break }
            position = end
            rules.append(try rule(try separator()))
        }
        return rules
    }

    private mutating func separator() throws(Failure) -> OpeningRule.Combination {
        let spacesBefore = skipSpaces()
        switch peek() {
        case UInt8(ascii: ";"):
            position += 1
            skipSpaces()
            guard !isAtEnd else { throw failure("« ; » en fin d'horaires : aucune règle ne le suit (retirez-le)") }
            return .normal
        case UInt8(ascii: "|") where peek(1) == UInt8(ascii: "|") && spacesBefore > 0:
            position += 2
            guard skipSpaces() > 0, !isAtEnd else { throw failure("« || » doit être suivi d'une espace et d'une règle") }
            return .fallback
        case UInt8(ascii: ","):
            position += 1
            guard !isAtEnd else { throw failure("« , » en fin d'horaires : aucune plage ne la suit (retirez-la)") }
            guard skipSpaces() > 0 else {
                throw failure("après « , » : une plage horaire (ex. 14:00-17:00) ou, pour une nouvelle règle, une espace puis des jours")
            }
            guard !isAtEnd else { throw failure("« , » en fin d'horaires : aucune règle ne la suit (retirez-la)") }
            return .additional
        default:
            throw unexpected("« ; » entre deux règles (ex. Mo-Fr 09:00-12:00; Sa 10:00-12:00)")
        }
    }

    private mutating func rule(_ combination: OpeningRule.Combination) throws(Failure) -> OpeningRule {
        var rule = OpeningRule(combination: combination)
        var hasSelectors = consume("24/7")
        if !hasSelectors { hasSelectors = try selectors(of: &rule) }
        if hasSelectors {
            if let state = try attempt({ (parser: inout Self) throws(Failure) in parser.singleSpace() ? try parser.modifier() : nil }) {
                rule.state = state
            }
        } else {
            guard let state = try modifier() else {
                throw unexpected("des jours (Mo-Fr), des heures (09:00-12:00), des dates (Dec 25), PH, off ou un commentaire entre guillemets")
            }
            rule.state = state
        }
        return rule
    }

    /// The selectors of a rule, one space apart: years, dates, weeks, an optional `:`, weekdays, times.
    private mutating func selectors(of rule: inout OpeningRule) throws(Failure) -> Bool {
        var parts = 0
        var afterColon = false
        func lead(_ parser: inout Self) -> Bool {
            if parts == 0 { return true }
            if afterColon { _ = parser.singleSpace(); return true }
            return parser.singleSpace()
        }
        if let years = try attempt({ (parser: inout Self) throws(Failure) in try parser.yearSelector() }) {
            rule.days.years = years
            parts += 1
        }
        if let monthdays = try attempt({ (parser: inout Self) throws(Failure) in lead(&parser) ? try parser.monthdaySelector() : nil }) {
            rule.days.monthdays = monthdays
            parts += 1
        }
        if let weeks = try attempt({ (parser: inout Self) throws(Failure) in lead(&parser) ? try parser.weekSelector() : nil }) {
            rule.days.weeks = weeks
            parts += 1
        }
        if parts > 0, peek() == UInt8(ascii: ":") {
            position += 1
            afterColon = true
        }
        if let (weekdays, holidays) = try attempt({ (parser: inout Self) throws(Failure) in lead(&parser) ? try parser.weekdaySelector() : nil }) {
            rule.days.weekdays = weekdays
            rule.days.holidays = holidays
            parts += 1
            afterColon = false
        }
        if let spans = try attempt({ (parser: inout Self) throws(Failure) in lead(&parser) ? try parser.timeSelector() : nil }) {
            rule.spans = spans
            parts += 1
        }
        return parts > 0
    }

    // MARK: - Modifier and comment

    private mutating func modifier() throws(Failure) -> OpeningState? {
        let kinds: [(String, OpeningState.Kind)] = [("open", .open), ("closed", .closed), ("off", .closed), ("unknown", .unknown)]
        if let kind = kinds.first(where: { consumeWord($0.0) })?.1 {
            let comment = try attempt({ (parser: inout Self) throws(Failure) in parser.singleSpace() ? try parser.comment() : nil })
            return OpeningState(kind, comment: comment)
        }
        return try comment().map { OpeningState(.open, comment: $0) }
    }

    private mutating func comment() throws(Failure) -> String? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else {
            throw failure("commentaire sans guillemet fermant")
        }
        guard close > start else { throw failure("commentaire vide (\"\")") }
        position = close + 1
        return String(decoding: bytes[start..<close], as: UTF8.self)
    }

    // MARK: - Years, dates, weeks

    /// Items separated by commas (no space), at least one.
    private mutating func list<Item>(_ item: (inout Self) throws(Failure) -> Item?) throws(Failure) -> [Item]? {
        guard let first = try item(&self) else { return nil }
        var items = [first]
        while let next = try attempt({ (parser: inout Self) throws(Failure) in parser.consume(",") ? try item(&parser) : nil }) {
            items.append(next)
        }
        return items
    }

    private mutating func yearSelector() throws(Failure) -> [DaySelector.SteppedRange]? {
        try list { (parser: inout Self) throws(Failure) in try parser.yearRange() }
    }

    private mutating func yearRange() throws(Failure) -> DaySelector.SteppedRange? {
        guard let from = year() else { return nil }
        // `2026 Dec 25`: a year heading a date belongs to the date.
        if peek() == UInt8(ascii: " "), month(at: position + 1) != nil { return nil }
        if consume("+") { return DaySelector.SteppedRange(from: from, to: Int.max, step: 1) }
        guard consume("-") else { return DaySelector.SteppedRange(from: from, to: from, step: 1) }
        guard let to = year(), to >= from else { throw failure("année de fin attendue après « \(from)- » (ex. 2025-2027)") }
        return DaySelector.SteppedRange(from: from, to: to, step: try step() ?? 1)
    }

    private mutating func year() -> Int? {
        guard let digits = digitCount(at: position), digits == 4, let value = number(maxDigits: 4), (1900...9999).contains(value) else { return nil }
        return value
    }

    private mutating func monthdaySelector() throws(Failure) -> [DaySelector.MonthdayRange]? {
        try list { (parser: inout Self) throws(Failure) in try parser.monthdayRange() }
    }

    private mutating func monthdayRange() throws(Failure) -> DaySelector.MonthdayRange? {
        let year = try headingYear()
        guard let from = try datePoint(year: year) else {
            guard let month = month(at: position) else { return nil }
            position += 3
            if consume("-") {
                guard let last = self.month(at: position) else { throw failure("mois de fin attendu après « - » (ex. Jul-Aug)") }
                position += 3
                return .months(year: year, from: month, to: last)
            }
            return .months(year: year, from: month, to: month)
        }
        if consume("+") {
            // `Aug 15+`: from that day to the end of its year
            return .dates(from: from, to: DaySelector.DatePoint(year: from.year, anchor: .date(month: 12, day: 31), offset: 0))
        }
        let to = try attempt { (parser: inout Self) throws(Failure) -> DaySelector.DatePoint? in
            _ = parser.singleSpace()
            guard parser.consume("-") else { return nil }
            _ = parser.singleSpace()
            let year = try parser.headingYear()
            if let date = try parser.datePoint(year: year) { return date }
            guard year == nil, case .date(let month, _) = from.anchor, let day = parser.dayNumber(month: month) else {
                throw parser.failure("date de fin attendue après « - » (ex. Dec 24-Jan 02 ou Aug 01-15)")
            }
            return DaySelector.DatePoint(year: nil, anchor: .date(month: month, day: day), offset: try parser.dayOffset() ?? 0)
        }
        return .dates(from: from, to: to ?? from)
    }

    /// The year that heads a date (`2026 Dec 25`), with its space.
    private mutating func headingYear() throws(Failure) -> Int? {
        try attempt { (parser: inout Self) -> Int? in
            guard let year = parser.year(), parser.singleSpace() else { return nil }
            return year
        }
    }

    /// `Dec 25`, `easter`, with an optional `+1 day`.
    private mutating func datePoint(year: Int?) throws(Failure) -> DaySelector.DatePoint? {
        if consumeWord("easter") {
            return DaySelector.DatePoint(year: year, anchor: .easter, offset: try dayOffset() ?? 0)
        }
        let save = position
        guard let month = month(at: position) else { return nil }
        position += 3
        guard singleSpace(), let day = dayNumber(month: month) else {
            position = save
            return nil
        }
        return DaySelector.DatePoint(year: year, anchor: .date(month: month, day: day), offset: try dayOffset() ?? 0)
    }

    /// A day of the month (1 or 2 digits, not the hour of a time).
    private mutating func dayNumber(month: Int) -> Int? {
        guard let digits = digitCount(at: position), digits <= 2, peek(digits) != UInt8(ascii: ":") else { return nil }
        let save = position
        guard let day = number(maxDigits: 2), (1...[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(day) else {
            position = save
            return nil
        }
        return day
    }

    /// ` +1 day`, ` -2 days`.
    private mutating func dayOffset() throws(Failure) -> Int? {
        try attempt { (parser: inout Self) -> Int? in
            guard parser.singleSpace(), let sign = parser.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            parser.position += 1
            guard let count = parser.number(maxDigits: 3), parser.singleSpace(), parser.consumeWord("days") || parser.consumeWord("day") else {
                return nil
            }
            return sign == UInt8(ascii: "+") ? count : -count
        }
    }

    private mutating func weekSelector() throws(Failure) -> [DaySelector.SteppedRange]? {
        guard consumeWord("week") else { return nil }
        _ = singleSpace()
        return try list { (parser: inout Self) throws(Failure) -> DaySelector.SteppedRange? in
            guard let from = parser.number(maxDigits: 2), (1...53).contains(from) else {
                throw parser.failure("numéro de semaine attendu (01 à 53, ex. week 01-10)")
            }
            guard parser.consume("-") else { return DaySelector.SteppedRange(from: from, to: from, step: 1) }
            guard let to = parser.number(maxDigits: 2), (from...53).contains(to) else { throw parser.failure("semaine de fin attendue (jusqu'à 53)") }
            return DaySelector.SteppedRange(from: from, to: to, step: try parser.step() ?? 1)
        }
    }

    private mutating func step() throws(Failure) -> Int? {
        guard consume("/") else { return nil }
        guard let step = number(maxDigits: 3), step > 0 else { throw failure("pas attendu après « / » (ex. /2)") }
        return step
    }

    // MARK: - Weekdays and holidays

    private mutating func weekdaySelector() throws(Failure) -> ([DaySelector.WeekdayRange], [DaySelector.HolidayRange])? {
        var weekdays: [DaySelector.WeekdayRange] = [], holidays: [DaySelector.HolidayRange] = []
        func item(_ parser: inout Self) throws(Failure) -> Bool {
            if let holiday = try parser.holiday() { holidays.append(holiday); return true }
            if let range = try parser.weekdayRange() { weekdays.append(range); return true }
            return false
        }
        guard try item(&self) else { return nil }
        // `Mo,We`, and `PH Mo` (holidays and weekdays side by side: either matches)
        while try attempt({ (parser: inout Self) throws(Failure) -> Bool? in
            if !parser.consume(",") {
                guard parser.singleSpace(), parser.weekday(at: parser.position) != nil || parser.holidayAhead else { return nil }
            }
            return try item(&parser) ? true : nil
        }) != nil {}
        return (weekdays, holidays)
    }

    private var holidayAhead: Bool {
        (bytes[position...].starts(with: Array("PH".utf8)) || bytes[position...].starts(with: Array("SH".utf8))) && !isLetter(at: position + 2)
    }

    private mutating func holiday() throws(Failure) -> DaySelector.HolidayRange? {
        guard holidayAhead else { return nil }
        let isSchool = peek() == UInt8(ascii: "S")
        position += 2
        return DaySelector.HolidayRange(isSchool: isSchool, offset: try dayOffset() ?? 0)
    }

    private mutating func weekdayRange() throws(Failure) -> DaySelector.WeekdayRange? {
        guard let from = weekday(at: position) else { return nil }
        position += 2
        var range = DaySelector.WeekdayRange(from: from, to: from, occurrences: [], offset: 0)
        if consume("-") {
            guard let to = weekday(at: position) else { throw failure("jour de fin attendu après « - » (Mo, Tu, We, Th, Fr, Sa, Su)") }
            position += 2
            range.to = to
        } else if consume("[") {
            repeat {
                let negative = consume("-")
                guard let first = number(maxDigits: 1), (1...5).contains(first) else {
                    throw failure("rang du jour attendu dans le mois (1 à 5 ou -1, ex. Mo[1])")
                }
                var last = first
                if !negative, consume("-") {
                    guard let end = number(maxDigits: 1), (first...5).contains(end) else { throw failure("rang de fin attendu (jusqu'à 5)") }
                    last = end
                }
                range.occurrences.append(negative ? -first...(-first) : first...last)
            } while consume(",")
            guard consume("]") else { throw failure("« ] » attendu après le rang du jour (ex. Mo[1])") }
            range.offset = try dayOffset() ?? 0
        }
        return range
    }

    private func weekday(at index: Int) -> Weekday? {
        guard index + 2 <= bytes.count, !isLetter(at: index + 2) else { return nil }
        return Weekday(osmCode: String(decoding: bytes[index..<index + 2], as: UTF8.self))
    }

    private func month(at index: Int) -> Int? {
        guard index + 3 <= bytes.count, !isLetter(at: index + 3) else { return nil }
        let code = String(decoding: bytes[index..<index + 3], as: UTF8.self).lowercased()
        return AnnualClosure.monthCodes.firstIndex { $0.lowercased() == code }.map { $0 + 1 }
    }

    // MARK: - Times

    private mutating func timeSelector() throws(Failure) -> [TimeSpan]? {
        guard let first = try span() else { return nil }
        var spans = [first]
        while let next = try attempt({ (parser: inout Self) throws(Failure) -> TimeSpan? in
            guard parser.consume(",") else { return nil }
            if parser.peek() == UInt8(ascii: " ") { parser.position += 1 }
            return try parser.span()
        }) {
            spans.append(next)
        }
        return spans
    }

    private mutating func span() throws(Failure) -> TimeSpan? {
        for word in ["sunrise", "sunset", "dawn", "dusk", "("] where bytes[position...].starts(with: Array(word.utf8)) {
            throw failure("les heures solaires (sunrise, sunset…) ne sont pas prises en charge : donnez des heures (ex. 08:00-18:00)")
        }
        guard let start = try clock(maxMinutes: 24 * 60 - 1) else { return nil }
        let end = try attempt { (parser: inout Self) throws(Failure) -> Int? in
            _ = parser.singleSpace()
            guard parser.consume("-") else { return nil }
            _ = parser.singleSpace()
            guard let end = try parser.clock(maxMinutes: 48 * 60) else { throw parser.failure("heure de fin attendue (HH:MM, ex. 12:00)") }
            return end
        }
        if peek() == UInt8(ascii: "/") { throw failure("les plages périodiques (« /01:00 ») ne sont pas prises en charge") }
        guard let end else {
            guard consume("+") else { throw failure("heure de fin attendue après \(TimeSpan.clock(start)) (ex. \(TimeSpan.clock(start))-12:00)") }
            return TimeSpan(start: start, end: 24 * 60)
        }
        _ = consume("+")
        return TimeSpan(start: start, end: end <= start ? end + 24 * 60 : end)
    }

    /// `H:MM` or `HH:MM`, in minutes; nil when no digit is here.
    private mutating func clock(maxMinutes: Int) throws(Failure) -> Int? {
        guard let digits = digitCount(at: position) else { return nil }
        guard digits <= 2, peek(digits) == UInt8(ascii: ":"), digitCount(at: position + digits + 1) == 2 else {
            let found = String(decoding: bytes[position..<min(bytes.count, position + digits + 3)], as: UTF8.self)
            throw failure("heure attendue au format HH:MM (ex. 09:30), trouvé « \(found) »")
        }
        let hours = number(maxDigits: 2)!
        position += 1
        let minutes = number(maxDigits: 2)!
        let value = hours * 60 + minutes
        guard minutes < 60, value <= maxMinutes else {
            throw failure("heure « \(TimeSpan.clock(value)) » hors limites (de 00:00 à \(TimeSpan.clock(maxMinutes)))")
        }
        return value
    }

    // MARK: - Lexical helpers

    private var isAtEnd: Bool { position >= bytes.count }

    private func peek(_ ahead: Int = 0) -> UInt8? { position + ahead < bytes.count ? bytes[position + ahead] : nil }

    private func isLetter(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index] | 0x20
        return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private func digitCount(at index: Int) -> Int? {
        var end = index
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
        return end > index ? end - index : nil
    }

    private mutating func number(maxDigits: Int) -> Int? {
        guard let digits = digitCount(at: position), digits <= maxDigits else { return nil }
        var value = 0
        for byte in bytes[position..<position + digits] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        position += digits
        return value
    }

    @discardableResult
    private mutating func skipSpaces() -> Int {
        let start = position
        while peek() == UInt8(ascii: " ") { position += 1 }
        return position - start
    }

    /// Exactly one space, followed by something else.
    private mutating func singleSpace() -> Bool {
        guard peek() == UInt8(ascii: " "), let next = peek(1), next != UInt8(ascii: " ") else { return false }
        position += 1
        return true
    }

    private mutating func consume(_ literal: String) -> Bool {
        let literal = Array(literal.utf8)
        guard bytes[position...].starts(with: literal) else { return false }
        position += literal.count
        return true
    }

    /// A keyword in any case, not followed by a letter.
    private mutating func consumeWord(_ word: String) -> Bool {
        let word = Array(word.utf8)
        guard position + word.count <= bytes.count, !isLetter(at: position + word.count),
            zip(bytes[position..<position + word.count], word).allSatisfy({ $0 | 0x20 == $1 })
        else { return false }
        position += word.count
        return true
    }

    /// Runs `body`, and puts the reading position back when it finds nothing.
    private mutating func attempt<T>(_ body: (inout Self) throws(Failure) -> T?) throws(Failure) -> T? {
        let save = position
        if let value = try body(&self) { return value }
        position = save
        return nil
    }

    private var column: Int { String(decoding: bytes[..<min(position, bytes.count)], as: UTF8.self).count + 1 }

    private func failure(_ message: String) -> Failure { Failure(message: "\(message) (colonne \(column))") }

    private func unexpected(_ expected: String) -> Failure {
        let found = isAtEnd ? "la fin du texte" : "« \(String(String(decoding: bytes[position...], as: UTF8.self).prefix(12))) »"
        return failure("\(found) inattendu ; attendu : \(expected)")
    }
}
