import Foundation

/// Instants as stored: ISO 8601 in UTC to the second, which sort as text in both databases. A value-type format style,
/// so that no formatter is made per call (a signed-in request reads two instants of its session).
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle()

    static func text(_ date: Date) -> String { date.formatted(style) }

    static func date(_ text: String) throws -> Date {
        guard let date = try? style.parse(text) else { throw StoredValueError(column: "date") }
        return date
    }
}
