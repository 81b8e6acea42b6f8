import Foundation

/// What the territory's diagnostic said when a meeting closed: how each of its communes is served for each need, the
/// places of the directory, the missing places register and what the meeting's tables contributed. Two snapshots
/// compared say what changed between two meetings (``SnapshotComparison``).
public struct MeetingSnapshot: Hashable, Sendable {
    public struct Coverage: Hashable, Sendable {
        public var commune: CommuneCode
        /// ``Need/key``.
        public var need: String
        public var coverage: CoverageClass

        public init(commune: CommuneCode, need: String, coverage: CoverageClass) {
            self.commune = commune
            self.need = need
            self.coverage = coverage
        }
    }

    public struct PlaceEntry: Hashable, Sendable {
        public var id: String
        public var name: String
        public var commune: CommuneCode?

        public init(id: String, name: String, commune: CommuneCode?) {
            self.id = id
            self.name = name
            self.commune = commune
        }
    }

    public struct MissingEntry: Hashable, Sendable {
        public var id: Int
        public var summary: String
        public var status: MissingPlaceStatus

        public init(id: Int, summary: String, status: MissingPlaceStatus) {
            self.id = id
            self.summary = summary
            self.status = status
        }
    }

    public var meetingID: Int
    public var takenAt: Date
    /// The ``CoverageRule/version`` the coverage was classed by.
    public var coverageRuleVersion: Int
    public var coverage: [Coverage]
    public var places: [PlaceEntry]
    public var missing: [MissingEntry]
    public var cards: [Tally<CardKind>]

    public init(
        meetingID: Int, takenAt: Date, coverageRuleVersion: Int = CoverageRule.version, coverage: [Coverage], places: [PlaceEntry],
        missing: [MissingEntry], cards: [Tally<CardKind>]
    ) {
        self.meetingID = meetingID
        self.takenAt = takenAt
        self.coverageRuleVersion = coverageRuleVersion
        self.coverage = coverage
        self.places = places
        self.missing = missing
        self.cards = cards
    }

    /// The snapshot of a territory's diagnostic (classed by today's ``CoverageRule``), its register and a meeting's figures.
    public init(meetingID: Int, takenAt: Date, diagnostic: Diagnostic, places: [PlaceEntry], missing: [MissingPlace], figures: MeetingFigures) {
        self.init(
            meetingID: meetingID, takenAt: takenAt,
            coverage: diagnostic.rows.flatMap { row in
                row.cells.map { Coverage(commune: row.commune.code, need: $0.need.key, coverage: $0.coverage) }
            },
            places: places,
            missing: missing.map { MissingEntry(id: $0.id, summary: $0.headline, status: $0.status) },
            cards: figures.byKind)
    }
}
