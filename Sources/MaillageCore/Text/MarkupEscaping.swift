/// The one HTML/XML text escaping of Maillage: `&`, `<`, `>`, `"` and `'` — the characters Mustache's own escaping
/// replaces — for HTML pages, SVG drawings and OpenDocument files alike.
///
/// It reads UTF-8 bytes and returns the text untouched when nothing needs escaping (most names and figures).
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { replacement(for: $0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let replacement = replacement(for: byte) { replacement.withUTF8Buffer { bytes.append(contentsOf: $0) } } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text for an XML 1.0 document: escaped, and without the control characters XML cannot hold (a text pasted
    /// from elsewhere may carry them), which would make the whole file unreadable.
    public static func escapeForXML(_ text: String) -> String {
        escape(
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { scalar in
                        scalar.value >= 0x20 ? !(0xFFFE...0xFFFF).contains(scalar.value) : ["\t", "\n", "\r"].contains(scalar)
                    })))
    }

    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
