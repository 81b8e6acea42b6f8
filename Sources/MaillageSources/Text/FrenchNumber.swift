/// Numbers as French files write them: `54,3`, `1 234,5`, `158568.0`.
enum FrenchNumber {
    static func double(_ text: String) -> Double? {
        // One pass over the scalars: spaces (also no-break and narrow no-break) dropped, the decimal comma read as a point.
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}", "\t", "\n", "\r": continue
            case ",": cleaned.append(".")
            default: cleaned.append(scalar)
            }
        }
        guard !cleaned.isEmpty, let value = Double(String(cleaned)), value.isFinite else { return nil }
        return value
    }

    static func int(_ text: String) -> Int? { double(text).map { Int($0.rounded()) } }
}
