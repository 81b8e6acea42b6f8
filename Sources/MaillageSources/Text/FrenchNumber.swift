import Foundation

/// Numbers as French files write them: `54,3`, `1 234,5`, `158568.0`.
enum FrenchNumber {
    static func double(_ text: String) -> Double? {
        let cleaned = text.trimmed
            .replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    static func int(_ text: String) -> Int? { double(text).map { Int($0.rounded()) } }
}
