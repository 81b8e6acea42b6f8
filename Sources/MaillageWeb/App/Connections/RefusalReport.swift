/// Refusals counted between two log lines: under an attack, a cap logs one line a minute rather than one per refusal.
struct RefusalReport: Sendable {
    /// How often refusals are reported in the log.
    static let interval = Duration.seconds(60)

    private var refusedSinceReport = 0
    private var lastReport: ContinuousClock.Instant?

    /// Counts one refusal at `now`; returns the refusals to log (this one included) when a report is due, else nil.
    mutating func refused(now: ContinuousClock.Instant) -> Int? {
        refusedSinceReport += 1
        guard lastReport.map({ now - $0 >= Self.interval }) ?? true else { return nil }
        defer { (refusedSinceReport, lastReport) = (0, now) }
        return refusedSinceReport
    }
}
