/// A place's quality score, 0 to 100, with what lowers it. The weights, documented so that a structure knows what to
/// fix first:
/// - 50 % completeness, with the national map's weights (``Place/completeness``);
/// - 20 % freshness: confirmed in the last 6 months 100, within a year 60, within two years 30, older 0;
/// - 10 % hours the evaluator reads without tolerance (so that « ouvert maintenant » and journeys are right);
/// - 10 % located at its address (not at the commune's centre);
/// - 10 % a way to reach it (telephone or e-mail).
/// The national map scores completeness only; data·inclusion adds validity and freshness: this adds the hours and
/// the location, which orientation depends on.
public struct PlaceQuality: Hashable, Sendable {
    public var score: Int
    /// What lowers the score, in French, worst first.
    public var problems: [String]

    /// Days after which a fact nobody confirmed is flagged.
    public static let confirmationDays = 183

    public init(place: Place, confirmedOn: CalendarDay, today: CalendarDay) {
        var problems: [String] = []
        let age = confirmedOn.days(until: today)
        let freshness: Double = age <= Self.confirmationDays ? 1 : age <= 365 ? 0.6 : age <= 730 ? 0.3 : 0
        if freshness < 1 { problems.append("Non confirmé depuis le \(confirmedOn.french)") }
        let hours = place.horaires.map { OpeningHours(osm: $0) }
        let readableHours = hours.map { $0.schedule != nil && $0.problem == nil } ?? false
        if hours == nil { problems.append("Horaires absents") } else if !readableHours { problems.append("Horaires illisibles ou approximatifs") }
        let located = place.precision == .adresse
        if !located { problems.append("Non géolocalisé à l'adresse") }
        let reachable = place.telephone != nil || !place.courriels.isEmpty
        if !reachable { problems.append("Aucun téléphone ni courriel") }
        if place.services.isEmpty { problems.append("Aucun service déclaré") }
        let total = 0.5 * Double(place.completeness) + 20 * freshness + (readableHours ? 10 : 0) + (located ? 10 : 0) + (reachable ? 10 : 0)
        score = Int(total.rounded())
        self.problems = problems
    }
}
