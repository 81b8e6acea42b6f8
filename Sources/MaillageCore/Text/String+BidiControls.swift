extension String {
    /// The text without the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
    /// from a file or a visitor, they would turn the text that follows them around on a page or in a spreadsheet.
    /// Every text Maillage reads (files, forms, query strings) goes through it.
    public var withoutBidiControls: String {
        guard unicodeScalars.contains(where: \.isBidiControl) else { return self }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: unicodeScalars.lazy.filter { !$0.isBidiControl })
        return String(result)
    }
}

extension Unicode.Scalar {
    /// U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates).
    var isBidiControl: Bool { (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) }
}
