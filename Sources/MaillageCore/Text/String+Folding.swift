import Foundation

extension String {
    /// Lower case, accents removed, punctuation as spaces, single spaces, and `st`/`ste` spelled out:
    /// the form used to compare names and addresses written by different sources.
    public var folded: String { latinFolded ?? foundationFolded }

    /// `folded` through Foundation's locale-aware folding: the reference, used for any text beyond Latin letters.
    var foundationFolded: String {
        Self.joinedWords(foldedCharacters.split(whereSeparator: { !($0.isLetter || $0.isNumber) }))
    }

    /// Foundation's folding of the whole text (case, accents, width), lower-cased, before splitting into words.
    fileprivate var foldedCharacters: String {
        folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Self.french).lowercased()
    }

    /// `folded` for text of Latin letters and common punctuation (French names and addresses), scalar by scalar from a
    /// table that Foundation's folding computed once; nil for any other text.
    /// Foundation's folding bridges each string to `NSString` and was a quarter of the time spent reading national files.
    var latinFolded: String? {
        var words: [Substring] = []
        var word = ""
        for scalar in unicodeScalars {
            guard let fold = latinFold(scalar.value) else { return nil }
            if fold.isWordPart {
                word += fold.text
            } else if !word.isEmpty {
                words.append(Substring(word))
                word = ""
            }
        }
        if !word.isEmpty { words.append(Substring(word)) }
        return Self.joinedWords(words)
    }

    private static let french = Locale(identifier: "fr_FR")

    private static func joinedWords(_ words: [Substring]) -> String {
        words.map { word -> Substring in
            switch word {
            case "st": "saint"
            case "ste": "sainte"
            default: word
            }
        }.joined(separator: " ")
    }

    /// The string with leading and trailing white space removed, or nil when nothing is left.
    public var nonBlank: String? {
        let trimmed = self.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Each scalar of Latin letters (below U+0250) and of general punctuation (U+2000–U+206F: ’ – — … and thin spaces)
/// folded alone by Foundation, and whether it is part of a word (letters and digits) or a separator. Nil where the fold
/// is empty or mixes both, and for marks and format characters (which join the previous character in Foundation's
/// word splitting): such text takes Foundation's path.
private typealias ScalarFold = (text: String, isWordPart: Bool)
private let latinFolds: [ScalarFold?] = (0..<0x250).map(scalarFold)
private let punctuationFolds: [ScalarFold?] = (0x2000..<0x2070).map(scalarFold)

private func latinFold(_ value: UInt32) -> ScalarFold? {
    switch value {
    case 0..<0x250: latinFolds[Int(value)]
    case 0x2000..<0x2070: punctuationFolds[Int(value) - 0x2000]
    default: nil
    }
}

private func scalarFold(_ value: Int) -> ScalarFold? {
    guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return nil
    default: break
    }
    let text = String(scalar).foldedCharacters
    guard !text.isEmpty else { return nil }
    let wordParts = text.map { $0.isLetter || $0.isNumber }
    if wordParts.allSatisfy({ $0 }) { return (text, true) }
    if wordParts.allSatisfy({ !$0 }) { return ("", false) }
    return nil
}
