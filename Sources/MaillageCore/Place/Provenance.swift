/// Where a place's data comes from: one record of one source.
public struct Provenance: Hashable, Codable, Sendable {
    public var source: SourceKind
    public var sourceID: String
    public var dateMaj: CalendarDay

    public init(source: SourceKind, sourceID: String, dateMaj: CalendarDay) {
        self.source = source
        self.sourceID = sourceID
        self.dateMaj = dateMaj
    }

    /// `source:id`, unique across sources.
    public var key: String { "\(source.rawValue):\(sourceID)" }
}
