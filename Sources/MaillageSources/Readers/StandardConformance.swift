import MaillageCore

/// The schema's own constraints (`schema-lieux-mediation-numerique.json` v1.0.2) that a reader may tolerate but a
/// value Maillage writes must meet: the telephone prefixes of France and its overseas territories, the INSEE code
/// pattern, the length of the summary, http(s) links, e-mail addresses. Enumerations are met by the types.
public enum StandardConformance {
    /// The telephone prefixes the schema allows.
    static let phonePrefixes = ["+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681"]

    /// The problems of text cells against the schema's patterns (empty cells are fine: they are optional).
    public static func problems(in values: [StandardColumn: String]) -> [StandardRowCodec.Problem] {
        values.compactMap { column, raw in
            let text = raw.trimmed
            guard !text.isEmpty, let expected = violation(column, text) else { return nil }
            return StandardRowCodec.Problem(column: column, value: text, expected: expected)
        }
    }

    /// What the schema expects of a column when `text` does not meet it; nil when it does.
    static func violation(_ column: StandardColumn, _ text: String) -> String? {
        if column == .nom || column == .structureParente, DeclaredName.isRefused(text) { return DeclaredName.expectation }
        switch column {
        case .telephone:
            let ok = phonePrefixes.contains { prefix in
                text.hasPrefix(prefix) && (6...9).contains(text.count - prefix.count) && text.dropFirst(prefix.count).allSatisfy(\.isASCIIDigit)
            }
            return ok ? nil : "un numéro au format international, ex. +33327000000"
        case .codeInsee:
            let chars = Array(text)
            let head = chars.count == 5 ? String(chars[0...1]) : ""
            let ok =
                chars.count == 5 && chars[2...].allSatisfy(\.isASCIIDigit)
                && ((head.allSatisfy(\.isASCIIDigit) && head.first != "2") || ["2A", "2B"].contains(head)
                    || (head.first == "2" && head.last.map { ("1"..."9").contains($0) } == true))
            return ok ? nil : "un code INSEE de 5 caractères (ex. 59172, 2A004)"
        case .pivot:
            return text.count >= 9 && text.count <= 14 && text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
                ? nil
                : "un SIRET (14 chiffres) ou un RNA (W suivi de 9 chiffres)"
        case .codePostal:
            return text.count == 5 && text.allSatisfy(\.isASCIIDigit) ? nil : "5 chiffres"
        case .presentationResume:
            return text.storedLength <= 280 ? nil : "au plus 280 caractères"
        case .siteWeb, .priseRdv, .ficheAccesLibre:
            let links = text.split(separator: "|").map(\.trimmed)
            return links.allSatisfy { ($0.hasPrefix("https://") || $0.hasPrefix("http://")) && $0.count <= 500 && !$0.contains(" ") }
                ? nil
                : "une adresse web commençant par https://"
        case .courriels:
            let addresses = text.split(separator: "|").map(\.trimmed)
            return addresses.allSatisfy(isEmail) ? nil : "une adresse électronique (nom@domaine.fr), plusieurs séparées par |"
        case .nom, .commune, .adresse, .complementAdresse, .structureParente, .autresFormationsLabels, .source:
            return text.storedLength <= 300 ? nil : "au plus 300 caractères"
        case .horaires:
            guard text.storedLength <= 500 else { return "au plus 500 caractères" }
            let hours = OpeningHours(osm: text)
            return hours.schedule != nil && hours.problem == nil
                ? nil : "des horaires OSM, ex. Mo-Fr 09:00-12:00,14:00-17:00 (\(hours.problem ?? ""))"
        case .presentationDetail:
            return text.storedLength <= 5_000 ? nil : "au plus 5 000 caractères"
        default:
            return nil
        }
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 254
            && !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" })
    }

    /// The place with every optional value the schema would refuse emptied, and the columns emptied: what an export
    /// writes, so that the file passes the schema's own validator.
    public static func conforming(_ place: Place) -> (place: Place, emptied: [StandardColumn]) {
        var place = place
        var emptied: [StandardColumn] = []
        let row = StandardRowCodec.encode(place)
        // The summary is measured as the CSV writes it: an apostrophe before a leading « - » counts (``SpreadsheetCell``).
        for column in [StandardColumn.telephone, .codeInsee, .siteWeb, .priseRdv, .ficheAccesLibre, .courriels, .presentationResume]
        where violation(column, SpreadsheetCell.inert(row[column] ?? "")) != nil && !(row[column] ?? "").isEmpty {
            emptied.append(column)
            switch column {
            case .telephone: place.telephone = nil
            case .codeInsee: place.codeInsee = nil
            case .siteWeb: place.siteWeb = []
            case .priseRdv: place.priseRdv = nil
            case .ficheAccesLibre: place.ficheAccesLibre = nil
            case .courriels: place.courriels = []
            case .presentationResume:
                place.presentationResume = place.presentationResume.map { text in
                    let room = 279 - (SpreadsheetCell.inert(text).storedLength - text.storedLength)
                    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(room))) + "…"
                }
            default: break
            }
        }
        return (place, emptied)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
