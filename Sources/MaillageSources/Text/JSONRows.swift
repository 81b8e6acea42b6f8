import Foundation

/// Loose access to JSON arrays of objects, as national open-data files are (numbers sometimes strings, and back).
enum JSONRows {
    static func array(_ text: String, file: String) throws(ImportError) -> [[String: Any]] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            throw ImportError(file: file, message: "JSON invalide : \(error.localizedDescription)")
        }
        if let rows = object as? [[String: Any]] { return rows }
        if let wrapper = object as? [String: Any], let rows = wrapper.values.first(where: { $0 is [[String: Any]] }) as? [[String: Any]] {
            return rows
        }
        throw ImportError(file: file, message: "JSON inattendu : attendu un tableau d'objets")
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
