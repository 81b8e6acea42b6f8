/// Writes a number with a fixed count of decimals as `printf("%.Nf")` does — the exact binary value rounded, exact
/// halves to even — without Foundation's `String(format:)`, which is slow enough to dominate a map of thousands of
/// vertices or a national CSV of millions of numbers.
public enum FixedPoint {
    /// `format(12.345, digits: 1)` → `12.3`; `format(-0.04, digits: 1)` → `0.0`; `digits: 0` gives an integer;
    /// a value that is not finite gives `0`.
    public static func format(_ value: Double, digits: Int = 1, separator: String = ".") -> String {
        var bytes: [UInt8] = []
        append(value, digits: digits, separator: Array(separator.utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the number's UTF-8 text to `bytes`.
    public static func append(_ value: Double, digits: Int, separator: [UInt8] = [UInt8(ascii: ".")], to bytes: inout [UInt8]) {
        precondition((0...6).contains(digits), "FixedPoint writes 0 to 6 decimals")
        guard value.isFinite else { return bytes.append(UInt8(ascii: "0")) }
        let scale = powersOfTen[digits]
        let scaled = roundedScaled(value.magnitude, by: Double(scale))
        if value < 0 && scaled != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: scaled / scale, to: &bytes)
        guard digits > 0 else { return }
        bytes += separator
        var fraction = scaled % scale
        var divisor = scale / 10
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Appends the decimal digits of an integer (with `-` when negative).
    public static func appendDigits(of value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var reversed: [UInt8] = []
        repeat {
            reversed.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes += reversed.reversed()
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// `magnitude × scale` rounded to an integer as the exact product would round. The floating product can land
    /// exactly on a half when the exact one is just above or below it: the fused multiply-add gives the product's
    /// exact error, which settles it; an exact half goes to even.
    private static func roundedScaled(_ magnitude: Double, by scale: Double) -> Int {
        let product = magnitude * scale
        let floor = product.rounded(.down)
        guard product - floor == 0.5 else { return Int(product.rounded()) }
        let error = (-product).addingProduct(magnitude, scale)
        if error > 0 { return Int(floor) + 1 }
        if error < 0 { return Int(floor) }
        return Int(product.rounded(.toNearestOrEven))
    }
}
