extension String {
    /// The text without the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
    /// from a file or a visitor, they would turn the text that follows them around on a page or in a spreadsheet.
    /// Every text Maillage reads (files, forms, query strings) goes through it.
    public var withoutBidiControls: String { removingScalars(where: \.isBidiControl) }

    /// The text without the scalars `test` picks; the text itself, not a copy, when there is none.
    func removingScalars(where test: (Unicode.Scalar) -> Bool) -> String {
        guard unicodeScalars.contains(where: test) else { return self }
        return String(unicodeScalars.filter { !test($0) })
    }
}

extension Unicode.Scalar {
    /// U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
    var isBidiControl: Bool { (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) }
}

extension String {
    /// The text without C0 control characters other than tab and line breaks, nor DEL: a NUL or an escape from a
    /// damaged file has no place in a name or an address.
    public var withoutControlCharacters: String { removingScalars(where: \.isStrayControl) }
}

extension Unicode.Scalar {
    var isStrayControl: Bool { (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F }
}
