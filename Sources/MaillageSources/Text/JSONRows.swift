import Foundation

/// Loose access to JSON arrays of objects, as national open-data files are (numbers sometimes strings, and back).
enum JSONRows {
    /// Every object of a JSON array of objects, one at a time, with the physical line it starts on (as an editor
    /// shows it): the file is scanned once and each object parsed alone, so that memory holds one object, not the whole
    /// tree of a 20 MB file. A file that is one object wrapping the array (`{"data": [...]}`) is read whole.
    static func forEachObject(
        _ text: String, file: String, _ body: (_ line: Int, _ row: [String: Any]) throws(ImportError) -> Void
    ) throws(ImportError) {
        var bytes = text.utf8
        if bytes.withContiguousStorageIfAvailable({ _ in true }) == nil {
            var copy = text
            copy.makeContiguousUTF8()
            bytes = copy.utf8
        }
        let outcome: Result<Void, ImportError> =
            bytes.withContiguousStorageIfAvailable { buffer in
                var scanner = Scanner(bytes: buffer, file: file, text: text)
                return Result { () throws(ImportError) in try scanner.objects(body) }
            } ?? .failure(ImportError(file: file, message: "JSON illisible"))
        try outcome.get()
    }

    /// Every object of the array, whole (the small files: EPCI, the wrapped case).
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

    /// Walks a top-level array byte by byte (strings and escapes skipped), cutting out each object.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let text: String
        var position = 0
        var line = 1

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, text: String) {
            self.bytes = bytes
            self.file = file
            self.text = text
        }

        mutating func objects(_ body: (Int, [String: Any]) throws(ImportError) -> Void) throws(ImportError) {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else {
                // not an array: a wrapper object, a lone value or a broken file, read whole for its message
                for (index, row) in try JSONRows.array(text, file: file).enumerated() { try body(index + 1, row) }
                return
            }
            position += 1
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { return }
            while true {
                skipSpace()
                guard position < bytes.count else { throw truncated() }
                guard bytes[position] == UInt8(ascii: "{") else {
                    throw ImportError(file: file, message: "JSON inattendu \(here) : attendu un objet { … } dans le tableau")
                }
                let start = position, startLine = line
                try skipObject()
                let slice = Data(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                let object: Any
                do {
                    object = try JSONSerialization.jsonObject(with: slice)
                } catch {
                    throw ImportError(file: file, message: "JSON invalide \(JSONRows.where_(error, in: text, from: start))")
                }
                try body(startLine, object as? [String: Any] ?? [:])
                skipSpace()
                guard position < bytes.count else { throw truncated() }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"): return
                default: throw ImportError(file: file, message: "JSON invalide \(here) : « , » ou « ] » attendu après un objet")
                }
            }
        }

        /// Moves past the object that starts here, strings included.
        private mutating func skipObject() throws(ImportError) {
            var depth = 0
            var inString = false
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\n") { line += 1 }
                if inString {
                    if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return }
                default: break
                }
            }
            throw truncated()
        }

        private mutating func skipSpace() {
            // spaces, tabs, line ends, and the bytes of a byte-order mark
            while position < bytes.count {
                switch bytes[position] {
                case 0x0A: line += 1
                case 0x20, 0x09, 0x0D, 0xEF, 0xBB, 0xBF: break
                default: return
                }
                position += 1
            }
        }

        private var here: String { "ligne \(line)" }

        private func truncated() -> ImportError {
            ImportError(file: file, message: "JSON invalide ligne \(line) : fin du fichier atteinte avant la fin du JSON (fichier coupé ?)")
        }
    }

    /// Where and why the parser stopped, as an editor shows it: « ligne 3, colonne 8 : valeur invalide (NaN, virgule en
    /// trop ou guillemet manquant) », or « fin du fichier atteinte avant la fin du JSON (fichier coupé ?) ».
    /// - Parameters:
    ///   - start: the byte offset in `text` of what the parser read (an object cut out of the file).
    static func where_(_ error: any Error, in text: String, from start: Int = 0) -> String {
        let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if start == 0, description.contains("end of file") || text.trimmed.isEmpty {
            return
                "ligne \(text.split(separator: "\n", omittingEmptySubsequences: false).count) : fin du fichier atteinte avant la fin du JSON (fichier coupé ?)"
        }
        guard let offset = description.split(separator: " ").compactMap({ Int($0.trimmingCharacters(in: .punctuationCharacters)) }).last else {
            return ": \(description)"
        }
        let before = text.utf8.prefix(start + offset)
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
    static func check(
        _ row: [String: Any], expecting types: [String: JSONFieldType]
    ) -> (row: [String: Any], problems: [(field: String, message: String)]) {
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
