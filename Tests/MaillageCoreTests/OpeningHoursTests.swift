import MaillageCore
import Testing

@Suite("Opening hours")
struct OpeningHoursTests {
    /// The OSM forms found in the national files (see the real-data census in MaillageSourcesTests).
    static let forms: [(String, Int)] = [
        ("Mo 09:00-12:00", 180),
        ("Mo-Fr 09:00-12:00,13:30-17:30", 5 * 420),
        ("Mo 09:00-12:00,14:00-17:00", 360),
        ("Mo,Th 09:00-12:00", 360),
        ("Mo,Th 09:00-12:00,14:00-16:00", 600),
        ("Mo-Fr 09:00-12:00", 900),
        ("Mo-Fr 09:00-12:00; Sa off", 900),
        ("Mo,We off", 0),
        ("24/7", 7 * 1440),
        ("Mo-Fr 09:00-12:00,13:30-17:30; Tu 09:00-12:00,14:30-17:30", 4 * 420 + 360),
        ("Mo-Fr 09:00-12:00; PH off", 900)
    ]

    @Test(arguments: forms)
    func readsEveryFormFoundInTheFiles(text: String, minutes: Int) {
        let hours = OpeningHours(osm: text)
        #expect(hours.schedule != nil, "\(text): \(hours.problem ?? "")")
        #expect(hours.schedule?.minutesPerWeek == minutes)
    }

    @Test(arguments: ["Mo 08:22", "Tu 08:00-13:45-16:30", "Horaires Association", "Très variables", ""])
    func unreadableTextIsExplainedAndKept(text: String) {
        let hours = OpeningHours(osm: text)
        #expect(hours.schedule == nil)
        #expect(hours.problem != nil)
        #expect(hours.raw == text)
    }

    @Test func timesWrittenTheFrenchWayAreRefusedAsTheReferenceDoesWithTheValidTextToConfirm() {
        // setup: near-OSM text as a structure typed it
        let hours = OpeningHours(osm: "Mo-Fr 9h-12h30,13h30-17h")
        // check: not valid OSM (the national map's tools refuse it too), explained, and rewritten for confirmation
        #expect(hours.expression == nil && hours.schedule == nil)
        #expect(hours.problem?.contains("HH:MM") == true)
        #expect(hours.suggestion == "Mo-Fr 09:00-12:30,13:30-17:00")
        #expect(OpeningHours(osm: hours.suggestion!).schedule?.minutesPerWeek == 5 * 420)
        #expect(OpeningHours(osm: "Mo-Fr 09:00-12:00").suggestion == nil)
        #expect(OpeningHours(osm: "Horaires Association").suggestion == nil)
    }

    @Test func publicHolidaysClosureAndOvernightRulesAreEvaluatedAtDates() throws {
        // setup: a place open weekdays and Friday night, closed on public holidays and in August
        let expression = try OpeningHoursExpression(osm: "Mo-Fr 09:00-12:00; Fr 20:00-02:00; Aug off; PH off")
        func state(_ day: String, _ minute: Int) -> OpeningState.Kind {
            expression.state(on: CalendarDay(day)!, atMinute: minute, holidays: .france).kind
        }
        // check
        #expect(state("2026-07-13", 600) == .open)
        #expect(state("2026-07-14", 600) == .closed)
        #expect(state("2026-08-04", 600) == .closed)
        #expect(state("2026-03-07", 60) == .open)
        #expect(state("2026-03-07", 180) == .closed)
        #expect(state("2026-05-14", 600) == .closed)
    }

    @Test func laterRulesReplaceEarlierOnesForTheirDays() throws {
        let schedule = try #require(OpeningHours(osm: "Mo-Fr 09:00-12:00,13:30-17:30; Tu 09:00-12:00,14:30-17:30").schedule)
        #expect(schedule.isOpen(on: .tuesday, atMinute: 14 * 60) == false)
        #expect(schedule.isOpen(on: .tuesday, atMinute: 15 * 60))
        #expect(schedule.isOpen(on: .monday, atMinute: 14 * 60))
    }

    @Test func evaluatesEveningsSaturdaysAndClosingTimes() throws {
        let schedule = try #require(OpeningHours(osm: "Mo-Fr 09:00-12:00,13:30-17:00; We 14:00-19:00; Sa 09:00-12:00").schedule)
        #expect(schedule.isOpenAfter(minute: 18 * 60))
        #expect(schedule.isOpenOnSaturday)
        #expect(schedule.isOpen(on: .sunday) == false)
        #expect(schedule.closingMinute(on: .monday, after: 10 * 60) == 12 * 60)
        #expect(schedule.closingMinute(on: .monday, after: 12 * 60 + 30) == nil)
        #expect(schedule.minutesPerWeek == 4 * 390 + 300 + 180)
    }

    @Test func spansAcrossMidnightContinueNextDay() throws {
        let schedule = try #require(OpeningHours(osm: "Fr 20:00-02:00").schedule)
        #expect(schedule.isOpen(on: .friday, atMinute: 23 * 60))
        #expect(schedule.isOpen(on: .saturday, atMinute: 60))
        #expect(schedule.minutesPerWeek == 360)
    }

    @Test func franceServicesFreeTextBecomesAWeek() throws {
        // setup: the per-day texts as the France Services list writes them
        let days: [(Weekday, String)] = [
            (.monday, "09:00 - 12:00 / 13:30 - 17:00"), (.tuesday, "09:00-12:00/13:30-17:00"), (.wednesday, "-"),
            (.thursday, "09 :00-12:00"), (.friday, "09:00 - 12:00 / 13:30 - 16:00"), (.saturday, "")
        ]
        // act
        let hours = OpeningHours(franceServicesDays: days)
        // check
        let schedule = try #require(hours.schedule)
        #expect(schedule.isOpen(on: .wednesday) == false)
        #expect(schedule.isOpenOnSaturday == false)
        #expect(schedule[.thursday] == [TimeSpan(start: 540, end: 720)])
        #expect(hours.raw == "Mo,Tu 09:00-12:00,13:30-17:00; Th 09:00-12:00; Fr 09:00-12:00,13:30-16:00")
        #expect(OpeningHours(osm: hours.raw).schedule == schedule)
    }

    @Test func franceServicesDayWithAnOddNumberOfTimesIsReported() {
        let hours = OpeningHours(franceServicesDays: [(.monday, "09:00-12:00/14:00")])
        #expect(hours.schedule == nil)
        #expect(hours.problem?.contains("lundi") == true)
    }
}
