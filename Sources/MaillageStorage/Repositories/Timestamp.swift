import Foundation

/// Instants as stored: ISO 8601 in UTC to the second, which sort as text in both databases.
enum Timestamp {
    static func text(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    static func date(_ text: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { throw StoredValueError(column: "date") }
        return date
    }
}
