import MaillageCore

/// A hash of the values a row stores (its own columns, the place's, its children), to tell an identical record from a
/// changed one without reading it back. Each value is written with its type and length, so that no two different
/// rows give the same text; the text is hashed with ``MaillageCore/StableHash``.
enum RecordFingerprint {
    static func of(_ rows: [[any Encodable & Sendable]]) -> String {
        var text = ""
        text.reserveCapacity(1_024)
        for row in rows {
            for value in row { append(value, to: &text) }
            text.append("\n")
        }
        return StableHash.hex(text)
    }

    private static func append(_ value: any Encodable & Sendable, to text: inout String) {
        switch value {
        case let string as String: text.append("s\(string.utf8.count):\(string)")
        case let integer as Int: text.append("i\(integer);")
        case let double as Double: text.append("d\(double.bitPattern);")
        case let optional as String?: optional.map { append($0, to: &text) } ?? text.append("n;")
        case let optional as Double?: optional.map { append($0, to: &text) } ?? text.append("n;")
        default: preconditionFailure("a stored place value is a String, an Int, a Double or an optional of them: \(type(of: value))")
        }
    }
}
