import Foundation
import Hummingbird
import MaillageCore

/// Reads query parameters with the checks every page and API route applies: length, known values, numbers in range.
///
/// Values are decoded as HTML forms send them (`application/x-www-form-urlencoded`: `+` is a space).
struct QueryReader {
    static let maximumLength = 200
    private let values: [String: [String]]

    init(query: String?) {
        var values: [String: [String]] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[Self.formDecoded(parts[0]), default: []].append(parts.count > 1 ? Self.formDecoded(parts[1]) : "")
        }
        self.values = values
    }

    init(_ request: Request) { self.init(query: request.uri.query) }

    /// The names of the parameters given.
    var names: Set<String> { Set(values.keys) }

    /// `+` as a space and `%XX` as a byte, the whole read as UTF-8 (invalid sequences repaired); a malformed escape
    /// is kept as written. Pure Swift: Foundation's string bridging is slow on Linux and this runs on every request.
    static func formDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next() else { bytes.append(byte); break }
                guard let low = iterator.next() else { bytes += [byte, high]; break }
                if let h = hexValue(high), let l = hexValue(low) { bytes.append(h << 4 | l) } else { bytes += [byte, high, low] }
            default: bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self).withoutBidiControls
        // Composed (NFC): an « é » sent as « e » and an accent is one character, as the database will count it.
        return bytes.contains { $0 >= 0x80 } ? text.precomposedStringWithCanonicalMapping : text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    func single(_ name: String) throws(ParameterError) -> String? {
        guard let value = values[name]?.first?.trimmed, !value.isEmpty else { return nil }
        guard value.unicodeScalars.count <= Self.maximumLength else { throw ParameterError(parameter: name, message: "« \(name) » est trop long") }
        return value
    }

    /// The value as given, empty included (`per_page=` is a wrong number, not an absent one); nil when absent.
    func present(_ name: String) throws(ParameterError) -> String? {
        guard let value = values[name]?.first?.trimmed else { return nil }
        guard value.unicodeScalars.count <= Self.maximumLength else { throw ParameterError(parameter: name, message: "« \(name) » est trop long") }
        return value
    }

    /// A longer free text (a description), trimmed, at most `maximumLength` characters counted as the database counts
    /// them (``Swift/String/storedLength``).
    func text(_ name: String, maximumLength: Int) throws(ParameterError) -> String? {
        guard let value = values[name]?.first?.trimmed, !value.isEmpty else { return nil }
        guard value.storedLength <= maximumLength else {
            throw ParameterError(parameter: name, message: "« \(name) » dépasse \(maximumLength) caractères")
        }
        return value
    }

    /// Reads a posted form (`application/x-www-form-urlencoded`), refusing bodies over 64 KB.
    static func form(_ request: Request) async throws -> QueryReader {
        let body = try await request.body.collect(upTo: 65_536)
        return QueryReader(query: String(buffer: body))
    }

    /// Every non-empty value of a repeated parameter, at most `limit` of them.
    func all(_ name: String, limit: Int = 50) throws(ParameterError) -> [String] {
        let given = self.values[name] ?? []
        let values = given.filter { !$0.isEmpty }
        guard given.count <= limit, values.allSatisfy({ $0.unicodeScalars.count <= Self.maximumLength }) else {
            throw ParameterError(parameter: name, message: "« \(name) » est trop long")
        }
        return values
    }

    /// Values of a standard vocabulary, each written exactly as the standard writes it.
    func list<T: StandardVocabulary>(_ name: String) throws(ParameterError) -> [T] {
        var result: [T] = []
        for raw in try all(name) {
            guard let value = T(standardValue: raw) else {
                throw ParameterError(parameter: name, message: "valeur inconnue pour « \(name) » ; valeurs possibles : \(T.allowedValuesDescription)")
            }
            if !result.contains(value) { result.append(value) }
        }
        return result
    }

    func flag(_ name: String) throws(ParameterError) -> Bool {
        switch try single(name) {
        case nil, "0", "non", "false": return false
        case "1", "oui", "true", "on": return true
        default: throw ParameterError(parameter: name, message: "« \(name) » vaut 1 ou 0")
        }
    }

    func number(_ name: String, _ range: ClosedRange<Double>) throws(ParameterError) -> Double? {
        guard let text = try single(name) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, range.contains(value) else {
            throw ParameterError(parameter: name, message: "« \(name) » doit être un nombre entre \(range.lowerBound) et \(range.upperBound)")
        }
        return value
    }

    /// The perimeter the query names (`communes`, `epci`, `departement`, `region` or `france=1`), not resolved yet.
    func perimeter() throws(ParameterError) -> Perimeter.Request {
        Perimeter.Request(
            communes: try single("communes"), epci: try single("epci"), departement: try single("departement"),
            region: try single("region"), france: try flag("france"))
    }

    /// One value among fixed choices.
    func choice<T: RawRepresentable<String> & CaseIterable>(_ name: String) throws(ParameterError) -> T? {
        guard let text = try single(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw ParameterError(parameter: name, message: "« \(name) » attend : \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
