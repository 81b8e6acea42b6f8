import Foundation

/// An INSEE commune code: 5 characters, digits except Corsica's `2A`/`2B`.
///
/// Accepts codes that lost their leading zero in spreadsheets (`1001` → `01001`).
public struct CommuneCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        if let code = Self.exact(text) {
            rawValue = code
            return
        }
        var code = text.trimmed.uppercased()
        if code.count == 4, code.allSatisfy(\.isNumber) { code = "0" + code }
        guard code.count == 5, code.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let chars = Array(code)
        let departmentOK =
            (chars[0].isNumber && chars[1].isNumber && chars[0] != "2")
            || (chars[0] == "2" && (chars[1].isNumber || chars[1] == "A" || chars[1] == "B"))
        guard departmentOK, chars[2...].allSatisfy(\.isNumber) else { return nil }
        rawValue = code
    }

    /// The text itself when it is already a well-formed code (how stored and most source values come): no trimming,
    /// no case mapping, no allocation.
    private static func exact(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.count == 5 else { return nil }
        var iterator = bytes.makeIterator()
        let first = iterator.next()!, second = iterator.next()!
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let departmentOK =
            (isDigit(first) && isDigit(second) && first != UInt8(ascii: "2"))
            || (first == UInt8(ascii: "2") && (isDigit(second) || second == UInt8(ascii: "A") || second == UInt8(ascii: "B")))
        guard departmentOK, iterator.allSatisfy(isDigit) else { return nil }
        return text
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
