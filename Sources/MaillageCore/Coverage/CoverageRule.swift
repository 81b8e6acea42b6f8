/// Coverage, defined once: how a commune is classed for a need (``CoverageClass``) from what the diagnostic found in it
/// and around it, with the diagnostic's meaning of « à portée » (``Reach/inPerimeterByBus``). Meeting snapshots record
/// ``version`` with the classes they freeze, so that two snapshots made under different rules are not compared as if
/// the territory had changed.
public enum CoverageRule {
    /// The version of the rule: of this classification and of the meanings and thresholds of ``Reach``. Raise it with
    /// any change to either. 1: the rule since the first meeting snapshots.
    public static let version = 1

    /// The class of a commune for a need: a place of the commune meets it; or the commune's places with an offer leave
    /// the need's field empty (unknown, not missing); or where the nearest answer is and whether `reach` gets there.
    /// - Parameters:
    ///   - placesInCommune: places of the commune with an offer that meet the need.
    ///   - offering: places of the commune with an offer.
    ///   - declaring: places of the commune with an offer that fill the field the need reads.
    public static func coverage(placesInCommune: Int, offering: Int, declaring: Int, nearest: Diagnostic.Answer?, reach: Reach) -> CoverageClass {
        if placesInCommune > 0 { return .inCommune }
        if offering > 0 && declaring == 0 { return .undeclared }
        guard let nearest else { return .none }
        guard nearest.insidePerimeter else { return .neighbourOnly }
        return reach.reaches(nearest) ? .withinReach : .outOfReach
    }
}
