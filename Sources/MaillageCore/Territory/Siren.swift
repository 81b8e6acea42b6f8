import Foundation

/// A 9-digit SIREN: identifies an EPCI (e.g. CAPH 200042190).
public struct Siren: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        // Nine ASCII digits, as stored: checked on the bytes (the territory reference holds tens of thousands).
        if text.utf8.count == 9, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            rawValue = text
            return
        }
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count == 9, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        rawValue = digits
    }

    public var description: String { rawValue }
    public static func < (lhs: Siren, rhs: Siren) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let siren = Siren(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Invalid SIREN \(text)"))
        }
        self = siren
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The Communauté d'Agglomération de la Porte du Hainaut, the default demo territory.
    public static let caph = Siren("200042190")!
}
