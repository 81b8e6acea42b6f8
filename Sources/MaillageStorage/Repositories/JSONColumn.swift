import Foundation
import MaillageCore

/// JSON with sorted keys: the same value always gives the same text, so fingerprints are stable.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Encodes many values on every core (JSON encoding is most of the cost of storing a national file), in order.
    static func encode<T: Encodable & Sendable>(all values: [T]) throws -> [String] {
        try values.concurrentMap { value in Result { try encode(value) } }.map { try $0.get() }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
