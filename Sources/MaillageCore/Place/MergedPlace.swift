/// A real place as Maillage shows it: the merge of the source records that describe it.
public struct MergedPlace: Hashable, Codable, Sendable, Identifiable {
    public var place: Place
    /// Every record merged into this place, highest-priority source first.
    public var provenances: [Provenance]
    /// For each standard column, the record its value came from (multi-valued columns: every contributing record).
    public var fieldSources: [String: [String]]
    /// Why the records were merged, in the order the rules joined them.
    public var decisions: [MergeDecision]

    public var id: String { place.id }

    public init(place: Place, provenances: [Provenance], fieldSources: [String: [String]], decisions: [MergeDecision]) {
        self.place = place
        self.provenances = provenances
        self.fieldSources = fieldSources
        self.decisions = decisions
    }
}
