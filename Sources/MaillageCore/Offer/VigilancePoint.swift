/// What a coordinator should look at for a place (« points de vigilance »).
public enum VigilancePoint: String, CaseIterable, Sendable, Hashable {
    case toConfirm = "a_confirmer"
    case noHours = "sans_horaires"
    case noContact = "sans_contact"
    case noCoordinates = "sans_coordonnees"
    case maybeClosed = "peut_etre_ferme"

    public var label: String {
        switch self {
        case .toConfirm: "À confirmer (plus de 6 mois)"
        case .noHours: "Sans horaires"
        case .noContact: "Sans téléphone ni courriel"
        case .noCoordinates: "Sans coordonnées à l'adresse"
        case .maybeClosed: "Peut-être fermé"
        }
    }

    /// The points of one place. `confirmedOn` is the latest of its data's date and its last validated declaration;
    /// `reportedClosed` says someone reported it no longer exists and no coordinator has decided yet. A place is also
    /// « peut-être fermé » when nothing was said of it for three years and nothing lets anyone reach it (no hours, no
    /// telephone, e-mail or website).
    public static func of(_ place: Place, confirmedOn: CalendarDay, today: CalendarDay, reportedClosed: Bool) -> [VigilancePoint] {
        let age = confirmedOn.days(until: today)
        var points: [VigilancePoint] = []
        if age > PlaceQuality.confirmationDays { points.append(.toConfirm) }
        if place.horaires == nil { points.append(.noHours) }
        if place.telephone == nil && place.courriels.isEmpty { points.append(.noContact) }
        if place.precision != .adresse { points.append(.noCoordinates) }
        let unreachable = place.horaires == nil && place.telephone == nil && place.courriels.isEmpty && place.siteWeb.isEmpty
        if reportedClosed || (age > 3 * 365 && unreachable) { points.append(.maybeClosed) }
        return points
    }
}
