/// The answer to a ``SearchQuery``.
public struct SearchResult: Sendable {
    /// One place in the answer, with why it fits and what does not.
    public struct Match: Sendable {
        public let entry: PlaceIndex.Entry
        /// Distance from the origin, in metres, when the query had one.
        public let distanceMetres: Double?
        /// Criteria met, in plain French ("propose « Aide aux démarches administratives »", "gratuit").
        public let reasons: [String]
        /// Criteria not met ("fermé le samedi", "horaires inconnus"); empty for a full match.
        public let gaps: [String]
        /// The place is in another EPCI than the origin's.
        public let isOutsideTerritory: Bool

        public init(entry: PlaceIndex.Entry, distanceMetres: Double?, reasons: [String], gaps: [String], isOutsideTerritory: Bool) {
            self.entry = entry
            self.distanceMetres = distanceMetres
            self.reasons = reasons
            self.gaps = gaps
            self.isOutsideTerritory = isOutsideTerritory
        }

        public var isFullMatch: Bool { gaps.isEmpty }

        /// "propose « … » · 2,3 km · ouvert samedi matin · gratuit"
        public var summary: String {
            var parts = reasons
            if let distance { parts.insert(distance, at: min(1, parts.count)) }
            return parts.joined(separator: " · ")
        }

        /// The distance in words. A place the sources locate only at its commune's point gets no metres it does not
        /// have: « position approchée » near, « ≈ 3,5 km (position approchée) » farther.
        public var distance: String? {
            distanceMetres.map { metres in
                guard entry.place.precision == .commune else { return Distance.french(metres) }
                return metres < 1_000 ? "position approchée (centre de la commune)" : "≈ \(Distance.french(metres)) (position approchée)"
            }
        }
    }

    /// Where the search started: the point and, when known, its commune and EPCI.
    public let originPoint: Coordinate?
    public let originCommune: Commune?
    public let originEPCI: EPCI?
    /// Places meeting every criterion within the radius, nearest first (at most the query's limit).
    public let matches: [Match]
    /// How many places meet every criterion within the radius, beyond the limit too.
    public let totalMatches: Int
    /// Places meeting some criteria, fewest gaps first, when full matches are fewer than the limit.
    public let partialMatches: [Match]
    /// No place of the origin's EPCI meets every criterion within the radius.
    public let noLocalMatch: Bool
    /// When `noLocalMatch`: the nearest full matches in neighbouring territories, without the radius limit.
    public let neighbourMatches: [Match]
    /// When the query names no service: places within the radius that declare none (« lieu recensé, offre non
    /// déclarée »), nearest first, shown apart and never counted as matches.
    public let recordedOnly: [Match]
    /// How many such places, beyond the limit too.
    public let totalRecordedOnly: Int
}
