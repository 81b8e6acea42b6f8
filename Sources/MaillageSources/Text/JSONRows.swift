import Foundation

/// Loose access to JSON arrays of objects, as national open-data files are (numbers sometimes strings, and back).
enum JSONRows {
    static func array(_ text: String, file: String) throws(ImportError) -> [[String: Any]] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            throw ImportError(file: file, message: "JSON invalide \(where_(error, in: text))")
        }
        if let rows = object as? [[String: Any]] { return rows }
        if let wrapper = object as? [String: Any], let rows = wrapper.values.first(where: { $0 is [[String: Any]] }) as? [[String: Any]] {
            return rows
        }
        let found = (object as? [String: Any]).map { "un objet (clés : \($0.keys.sorted().prefix(8).joined(separator: ", ")))" } ?? "une valeur seule"
        throw ImportError(file: file, message: "JSON inattendu : attendu un tableau d'objets, trouvé \(found)")
    }

    /// Where and why the parser stopped, as an editor shows it: « ligne 3, colonne 8 : valeur invalide (NaN, virgule en
    /// trop ou guillemet manquant) », or « fin du fichier atteinte avant la fin du JSON (fichier coupé ?) ».
    static func where_(_ error: any Error, in text: String) -> String {
        let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if description.contains("end of file") || text.trimmed.isEmpty {
            return "ligne \(text.split(separator: "\n", omittingEmptySubsequences: false).count) : fin du fichier atteinte avant la fin du JSON (fichier coupé ?)"
        }
        guard let offset = description.split(separator: " ").compactMap({ Int($0.trimmingCharacters(in: .punctuationCharacters)) }).last else {
            return ": \(description)"
        }
        let before = text.utf8.prefix(offset)
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return "ligne \(line), colonne \(column) : valeur invalide (NaN, virgule en trop, guillemet ou accolade manquants)"
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value as text, whatever its JSON type; "" when absent or null.
    func string(_ key: String) -> String {
        switch self[key] {
        case let text as String: text.trimmed
        case let number as NSNumber: number.stringValue
        default: ""
        }
    }

    func double(_ key: String) -> Double? {
        switch self[key] {
        case let number as NSNumber: number.doubleValue
        case let text as String: FrenchNumber.double(text)
        default: nil
        }
    }
}
