import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// Maillage's opening-hours evaluator against the reference, `opening-hours-py` (the Rust `opening-hours` crate, which
/// the national map's opening_hours.js agrees with), on every distinct `horaires` value of the real files.
///
/// The reference runs live when Python has it (`.ci/run` installs it and sets `MAILLAGE_REQUIRE_REFERENCE`); elsewhere
/// its verdicts come from `Fixtures/opening-hours-reference.txt`, keyed by a hash of each value (no value is copied
/// into the repository), which the live run checks is still current.
@Suite("Opening hours against the reference evaluator")
struct OpeningHoursReferenceTests {
    /// Weekdays at opening, lunch, afternoon and evening; Saturday and Sunday; overnight; public holidays (fixed and
    /// Easter-based); summer and Christmas closures.
    static let moments: [(CalendarDay, Int)] = {
        let times: [(String, [String])] = [
            ("2026-03-02", ["07:30", "08:45", "10:00", "12:15", "13:00", "14:30", "17:15", "18:30", "20:00", "23:30"]),
            ("2026-03-03", ["00:30", "07:30", "09:30", "16:00"]), ("2026-03-04", ["10:00", "15:00"]),
            ("2026-03-05", ["09:00", "17:45"]), ("2026-03-06", ["11:00", "16:45", "22:00"]),
            ("2026-03-07", ["01:00", "09:30", "11:30", "15:00"]), ("2026-03-08", ["10:00", "16:00"]),
            ("2026-07-14", ["10:00"]), ("2026-12-25", ["10:00"]), ("2026-05-14", ["10:00"]), ("2026-04-06", ["14:30"]),
            ("2026-05-01", ["10:00"]), ("2026-05-25", ["10:00"]), ("2026-11-11", ["10:00"]), ("2027-01-01", ["10:00"]),
            ("2026-08-10", ["10:00"]), ("2026-07-22", ["15:00"]), ("2026-12-28", ["10:00"])
        ]
        return times.flatMap { date, clocks in
            clocks.map { clock in (CalendarDay(date)!, Int(clock.prefix(2))! * 60 + Int(clock.suffix(2))!) }
        }
    }()

    @Test func agreesWithTheReferenceOnEveryRealValue() throws {
        // setup: every distinct value of the real files, and the reference's verdicts on them
        let values = Self.realValues()
        let reference = try Self.referenceVerdicts(values)
        // act
        let disagreements = values.filter { Self.verdict($0) != reference[$0] }
        // check
        #expect(values.count > 2_500)
        #expect(
            disagreements.count == 0,
            """
            \(disagreements.count) of \(values.count) values disagree (value: reference / Maillage; - = refused):
            \(disagreements.prefix(15).map { "« \($0) »: \(reference[$0] ?? "?") / \(Self.verdict($0))" }.joined(separator: "\n"))
            """)
    }

    /// Maillage's verdict in the reference script's letters.
    static func verdict(_ value: String, holidays: PublicHolidays = .france) -> String {
        guard let expression = try? OpeningHoursExpression(osm: value) else { return "-" }
        return String(
            moments.map { day, minute in
                switch expression.state(on: day, atMinute: minute, holidays: holidays).kind {
                case .open: "o"
                case .closed: "c"
                case .unknown: "u"
                }
            })
    }

    /// Every distinct `horaires` of the place files, as the files write them and as Maillage's readers give them
    /// (France Services' per-day columns become OSM).
    static func realValues() -> [String] {
        var values = Set<String>()
        for name in TestData.placeFiles {
            values.formUnion(TestData.nationalRecords[name]!.records.compactMap(\.place.horaires))
            guard name.hasSuffix(".json"), let data = try? Data(contentsOf: TestData.file("lieux/\(name)")),
                let rows = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
            else { continue }
            values.formUnion(rows.compactMap { $0["horaires"] as? String })
        }
        return values.filter { !$0.isEmpty }.sorted()
    }

    // MARK: - The reference

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/opening-hours-reference.txt")
    static let script = TestData.repository.appendingPathComponent("scripts/opening_hours_reference.py")

    /// The reference's verdict for each value: live when Python has `opening_hours`, else the stored ones.
    static func referenceVerdicts(_ values: [String], moments: [(CalendarDay, Int)] = moments) throws -> [String: String] {
        let environment = ProcessInfo.processInfo.environment
        guard referenceIsInstalled else {
            if environment["MAILLAGE_REQUIRE_REFERENCE"] != nil {
                Issue.record("opening-hours-py is required here: python3 -m pip install opening-hours-py")
            }
            return try storedVerdicts(values)
        }
        let live = try liveVerdicts(values, moments: moments)
        if moments.map(\.0) == Self.moments.map(\.0), moments.map(\.1) == Self.moments.map(\.1) {
            if environment["MAILLAGE_WRITE_REFERENCE"] != nil {
                try write(live)
            } else {
                let stored = try storedVerdicts(values)
                #expect(
                    stored == live,
                    "Fixtures/opening-hours-reference.txt is stale: run MAILLAGE_WRITE_REFERENCE=1 swift test --filter OpeningHoursReference")
            }
        }
        return live
    }

    static let referenceIsInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import opening_hours"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static func liveVerdicts(_ values: [String], moments: [(CalendarDay, Int)]) throws -> [String: String] {
        let request: [String: Any] = ["values": values, "moments": moments.map { "\($0.0)T\(TimeSpan.clock($0.1))" }]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let body = try JSONSerialization.data(withJSONObject: request)
        // write from another thread: the script answers only when it has read everything
        let writer = Thread {
            input.fileHandleForWriting.write(body)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let verdicts = try #require((try JSONSerialization.jsonObject(with: answer) as? [String: Any])?["verdicts"] as? [String])
        return Dictionary(uniqueKeysWithValues: zip(values, verdicts))
    }

    static func storedVerdicts(_ values: [String]) throws -> [String: String] {
        var byHash: [String: String] = [:]
        for line in try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { byHash[String(parts[0])] = String(parts[1]) }
        }
        return Dictionary(uniqueKeysWithValues: values.compactMap { value in byHash[StableHash.hex(value)].map { (value, $0) } })
    }

    static func write(_ verdicts: [String: String]) throws {
        let header = """
            # Verdicts of opening-hours-py (country FR) on every distinct `horaires` value of ../shared/data, one letter per
            # moment of OpeningHoursReferenceTests.moments (o open, c closed, u unknown; - the value is refused).
            # Keyed by the FNV-1a 64 hash of the value's UTF-8: no value is copied here.
            # Regenerate: MAILLAGE_WRITE_REFERENCE=1 swift test --filter OpeningHoursReference

            """
        let lines = verdicts.map { "\(StableHash.hex($0.key)) \($0.value)" }.sorted()
        try (header + lines.joined(separator: "\n") + "\n").write(to: fixture, atomically: true, encoding: .utf8)
    }
}
