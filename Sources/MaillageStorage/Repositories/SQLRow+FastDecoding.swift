import MaillageCore
import SQLKit

/// Column reads on the fast path of the drivers. SQLiteKit and PostgresKit convert `String`, `Int` and `Double`
/// directly, but an optional or a type of ours goes through a generic `Decoder`, several times slower: loading the
/// national reference reads millions of values.
extension SQLRow {
    func optionalString(_ column: String) throws -> String? {
        try decodeNil(column: column) ? nil : decode(column: column, as: String.self)
    }

    func optionalDouble(_ column: String) throws -> Double? {
        try decodeNil(column: column) ? nil : decode(column: column, as: Double.self)
    }

    func communeCode(_ column: String) throws -> CommuneCode {
        guard let code = CommuneCode(try decode(column: column, as: String.self)) else { throw StoredValueError(column: column) }
        return code
    }

    func siren(_ column: String) throws -> Siren {
        guard let siren = Siren(try decode(column: column, as: String.self)) else { throw StoredValueError(column: column) }
        return siren
    }
}
