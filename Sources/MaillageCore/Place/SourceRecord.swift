/// One row of one source file, read into the standard's shape.
public struct SourceRecord: Hashable, Codable, Sendable {
    public var provenance: Provenance
    public var place: Place

    public init(provenance: Provenance, place: Place) {
        self.provenance = provenance
        self.place = place
    }
}
