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

/// The JSON types a field of a place file may take.
enum JSONFieldType {
    /// A string (a name, a list separated by `;` or `|`).
    case text
    /// A string or a number (a postal code, a SIRET, a coordinate).
    case textOrNumber

    func accepts(_ value: Any) -> Bool {
        switch value {
        case is NSNull, is String: true
        case let number as NSNumber: self == .textOrNumber && !number.isBoolean
        default: false
        }
    }

    var expected: String {
        switch self {
        case .text: "du texte"
        case .textOrNumber: "du texte ou un nombre"
        }
    }

    /// The row without the fields whose type is not the expected one, and a French line for each of them.
    static func check(_ row: [String: Any], expecting types: [String: JSONFieldType]) -> (row: [String: Any], problems: [(field: String, message: String)]) {
        var row = row
        var problems: [(field: String, message: String)] = []
        for (field, value) in row.sorted(by: { $0.key < $1.key }) {
            guard let type = types[field], !type.accepts(value) else { continue }
            problems.append((field, "attendu \(type.expected), trouvé \(describe(value)) : valeur ignorée"))
            row[field] = nil
        }
        return (row, problems)
    }

    /// « le nombre 42 », « une liste », « un objet », « un booléen ».
    static func describe(_ value: Any) -> String {
        switch value {
        case let number as NSNumber: number.isBoolean ? "un booléen (\(number.boolValue))" : "le nombre \(number.stringValue)"
        case is [Any]: "une liste"
        case is [String: Any]: "un objet"
        default: "une valeur d'un autre type"
        }
    }
}

private extension NSNumber {
    /// JSON `true` / `false`, which Foundation reads as numbers.
    var isBoolean: Bool { String(cString: objCType) == "c" }
}
