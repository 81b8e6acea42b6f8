/// Writes a number with a fixed count of decimals without Foundation's `String(format:)`, which is slow enough to
/// dominate a map of thousands of vertices.
enum FixedPoint {
    /// `format(12.345, digits: 1)` → `12.3`; `format(-0.04, digits: 1)` → `0.0`; `digits: 0` gives an integer.
    static func format(_ value: Double, digits: Int = 1, separator: String = ".") -> String {
        guard value.isFinite else { return "0" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = String(abs(scaled) / scale)
        let sign = scaled < 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        let fraction = String(abs(scaled) % scale)
        return sign + whole + separator + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
