extension String {
    /// A name written all in capitals by its source (« COMMUNE D'ESCAUDAIN », « CENTRE SOCIAL ST ROCH ») as French
    /// writes a name: « Commune d'Escaudain », « Centre Social St Roch » (every word but the particles, since proper nouns
    /// cannot be told apart). Acronyms of the field stay in capitals; a name
    /// with any lower-case letter is left as its source wrote it.
    public var displayCased: String {
        guard contains(where: \.isUppercase), !contains(where: \.isLowercase) else { return self }
        var result = ""
        var word = ""
        var wordIndex = 0
        func flush() {
            guard !word.isEmpty else { return }
            result += Self.cased(word, first: wordIndex == 0)
            wordIndex += 1
            word = ""
        }
        for character in self {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    private static func cased(_ word: String, first: Bool) -> String {
        if acronyms.contains(word) { return word }
        let lower = word.lowercased()
        if !first, particles.contains(lower) { return lower }
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    private static let particles: Set<String> = [
        "de", "du", "des", "la", "le", "les", "l", "d", "et", "à", "a", "au", "aux", "en", "sur", "sous", "lès", "lez"
    ]
    private static let acronyms: Set<String> = [
        "CCAS", "CIAS", "MJC", "CC", "CA", "EPN", "MSAP", "CAF", "CPAM", "PIMMS", "AFPA", "GRETA", "SIVOM", "SIVU", "CHRS", "AFAD",
        "AJAR", "AJR", "ACSRV", "LCR", "BP", "CS", "ML", "EHPAD", "MDPH", "UDAF", "ADMR", "CSC", "QPV", "EPCI", "SIRET", "RSA",
        "II", "III", "IV", "SOS", "CCCO", "CAPH", "BIJ", "PIJ", "CDAD", "MFS", "ANCT"
    ]
}
