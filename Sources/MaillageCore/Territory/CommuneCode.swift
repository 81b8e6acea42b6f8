import Foundation

/// An INSEE commune code: 5 characters, digits except Corsica's `2A`/`2B`.
///
/// Accepts codes that lost their leading zero in spreadsheets (`1001` → `01001`).
public struct CommuneCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        var code = text.trimmed.uppercased()
        if code.count == 4, code.allSatisfy(\.isNumber) { code = "0" + code }
        guard code.count == 5, code.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let chars = Array(code)
        let departmentOK = (chars[0].isNumber && chars[1].isNumber && chars[0] != "2")
            || (chars[0] == "2" && (chars[1].isNumber || chars[1] == "A" || chars[1] == "B"))
        guard departmentOK, chars[2...].allSatisfy(\.isNumber) else { return nil }
        rawValue = code
    }

    /// The département code: 2 characters, 3 for overseas (`971`…).
    public var department: String {
        rawValue.hasPrefix("97") || rawValue.hasPrefix("98") ? String(rawValue.prefix(3)) : String(rawValue.prefix(2))
    }

    public var description: String { rawValue }
    public static func < (lhs: CommuneCode, rhs: CommuneCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CommuneCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Invalid INSEE code \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
