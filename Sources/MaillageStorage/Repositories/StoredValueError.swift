/// A stored value this version cannot read back (a vocabulary value it does not know): the row is reported, not guessed.
public struct StoredValueError: Error, CustomStringConvertible, Sendable {
    public var column: String

    public var description: String { "valeur illisible dans la colonne « \(column) »" }
}
