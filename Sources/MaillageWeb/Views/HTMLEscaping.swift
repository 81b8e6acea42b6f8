import Mustache

/// The one HTML/XML escaping of Maillage: `&`, `<`, `>`, `"` and `'`, the same characters as Mustache's own escaping.
///
/// It reads UTF-8 bytes and returns the text untouched when nothing needs escaping (most names and figures), where
/// Mustache's escaping walks grapheme clusters through a dictionary: on the diagnostic page that was a third of the
/// server time. Templates opt in with `{{% CONTENT_TYPE: HTML_UTF8 }}`; a template without the pragma, or a partial
/// (Mustache resets partials to its own HTML type), is still escaped, only more slowly.
struct HTMLEscaping: MustacheContentType {
    /// The name templates use in their `CONTENT_TYPE` pragma.
    static let pragmaName = "HTML_UTF8"

    /// Makes the pragma known to Mustache; must run before templates are parsed.
    static func register() { MustacheContentTypes.register(HTMLEscaping(), named: pragmaName) }

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { replacement(for: $0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let replacement = replacement(for: byte) { replacement.withUTF8Buffer { bytes.append(contentsOf: $0) } } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
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
