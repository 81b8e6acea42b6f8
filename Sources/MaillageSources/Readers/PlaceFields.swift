import Foundation
import MaillageCore

/// Field clean-ups shared by every place reader.
enum PlaceFields {
    /// `;`- or `|`-separated values, trimmed, blanks removed.
    static func list(_ text: String, separator: Character) -> [String] {
        text.split(separator: separator).compactMap { String($0).nonBlank }
    }

    /// A French phone number in the standard's form (`+33` then 9 digits), or nil.
    static func phone(_ text: String) -> String? {
        let digits = text.filter(\.isNumber)
        if text.hasPrefix("+"), (8...12).contains(digits.count) { return "+" + digits }
        if digits.count == 10, digits.hasPrefix("0") { return "+33" + digits.dropFirst() }
        if digits.count == 11, digits.hasPrefix("33") { return "+" + digits }
        return nil
    }

    /// A SIRET, SIREN or RNA as the standard wants it (9 to 14 letters and digits), or "" when unknown or a placeholder.
    static func pivot(_ text: String) -> String {
        let compact = text.filter { $0.isLetter || $0.isNumber }
        guard (9...14).contains(compact.count), compact.unicodeScalars.allSatisfy(\.isASCII),
            compact.contains(where: { $0 != "0" })
        else { return "" }
        return compact
    }

    /// An http(s) URL, or nil.
    static func url(_ text: String) -> String? {
        guard let trimmed = text.nonBlank else { return nil }
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return trimmed }
        if lowered.hasPrefix("www.") { return "https://" + trimmed }
        return nil
    }

    static func coordinate(_ latitude: Double?, _ longitude: Double?) -> Coordinate? {
        guard let latitude, let longitude else { return nil }
        return Coordinate(validatingLatitude: latitude, longitude: longitude)
    }
}
