/// A source value kept as written because no vocabulary table maps it.
public struct UnmappedValue: Hashable, Codable, Sendable {
    /// The source's field name.
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}
