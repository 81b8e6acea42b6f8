/// What changed between two meetings' snapshots: places added to or gone from the directory, missing places added or
/// whose status moved, and, commune by commune and need by need, where the coverage got better or worse — unless the
/// snapshots were classed by different versions of ``CoverageRule``: a change of the rule is not a change of the
/// territory, so their coverage is then not compared (``coverageRuleChange`` says so).
public struct SnapshotComparison: Hashable, Sendable {
    public struct CoverageChange: Hashable, Sendable {
        public var commune: CommuneCode
        public var need: String
        public var before: CoverageClass
        public var after: CoverageClass

        /// Whether the commune is now better served for the need (classes are ordered from best to worst).
        public var isBetter: Bool { after < before }
    }

    /// The versions of ``CoverageRule`` of two snapshots that differ.
    public struct RuleChange: Hashable, Sendable {
        public var before: Int
        public var after: Int
    }

    public struct StatusChange: Hashable, Sendable {
        public var entry: MeetingSnapshot.MissingEntry
        public var before: MissingPlaceStatus
    }

    public var placesAdded: [MeetingSnapshot.PlaceEntry]
    public var placesRemoved: [MeetingSnapshot.PlaceEntry]
    public var missingAdded: [MeetingSnapshot.MissingEntry]
    public var missingChanged: [StatusChange]
    public var missingRemoved: [MeetingSnapshot.MissingEntry]
    /// Empty when ``coverageRuleChange`` is set.
    public var coverageChanges: [CoverageChange]
    /// Set when the two snapshots' coverage was classed by different rules (and is then not compared).
    public var coverageRuleChange: RuleChange?
    /// The shown cards of each meeting's tables, per kind.
    public var cardsBefore: [Tally<CardKind>]
    public var cardsAfter: [Tally<CardKind>]

    public init(from earlier: MeetingSnapshot, to later: MeetingSnapshot) {
        let earlierPlaces = Set(earlier.places.map(\.id)), laterPlaces = Set(later.places.map(\.id))
        placesAdded = later.places.filter { !earlierPlaces.contains($0.id) }.sorted { $0.name.folded < $1.name.folded }
        placesRemoved = earlier.places.filter { !laterPlaces.contains($0.id) }.sorted { $0.name.folded < $1.name.folded }
        let earlierMissing = Dictionary(earlier.missing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let laterMissing = Set(later.missing.map(\.id))
        missingAdded = later.missing.filter { earlierMissing[$0.id] == nil }
        missingChanged = later.missing.compactMap { entry in
            guard let before = earlierMissing[entry.id], before.status != entry.status else { return nil }
            return StatusChange(entry: entry, before: before.status)
        }
        missingRemoved = earlier.missing.filter { !laterMissing.contains($0.id) }
        var before: [String: CoverageClass] = [:]
        for cell in earlier.coverage { before[cell.commune.rawValue + "|" + cell.need] = cell.coverage }
        cardsBefore = earlier.cards
        cardsAfter = later.cards
        coverageRuleChange =
            earlier.coverageRuleVersion == later.coverageRuleVersion
            ? nil
            : RuleChange(before: earlier.coverageRuleVersion, after: later.coverageRuleVersion)
        coverageChanges =
            coverageRuleChange != nil
            ? []
            : later.coverage.compactMap { cell in
                guard let old = before[cell.commune.rawValue + "|" + cell.need], old != cell.coverage else { return nil }
                return CoverageChange(commune: cell.commune, need: cell.need, before: old, after: cell.coverage)
            }
    }
}
