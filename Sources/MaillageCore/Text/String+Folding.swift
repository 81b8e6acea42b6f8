import Foundation

extension String {
    /// Lower case, accents removed, punctuation as spaces, single spaces, and `st`/`ste` spelled out:
    /// the form used to compare names and addresses written by different sources.
    public var folded: String {
        let base = folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
            .lowercased()
        var words: [Substring] = []
        for word in base.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            switch word {
            case "st": words.append("saint")
            case "ste": words.append("sainte")
            default: words.append(word)
            }
        }
        return words.joined(separator: " ")
    }

    /// The string with leading and trailing white space removed, or nil when nothing is left.
    public var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
