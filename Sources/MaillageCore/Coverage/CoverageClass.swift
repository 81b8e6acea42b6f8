/// How a commune is served for one need.
public enum CoverageClass: String, Codable, Sendable, CaseIterable, Comparable {
    /// A place in the commune itself.
    case inCommune = "dans-la-commune"
    /// Elsewhere in the perimeter, within reach by bus.
    case withinReach = "a-portee"
    /// The nearest answer is in the perimeter, but beyond reach by bus.
    case outOfReach = "hors-de-portee"
    /// The nearest answer is outside the perimeter, in a neighbouring territory.
    case neighbourOnly = "territoire-voisin"
    /// Nothing within the search limit.
    case none = "aucune"
    /// The commune has places with an offer, but none fills the field the need reads (a lens, not a service): what
    /// they do is unknown — a data gap to collect from the structures, not a missing place.
    case undeclared = "non-renseigne"

    public var label: String {
        switch self {
        case .inCommune: "dans la commune"
        case .withinReach: "ailleurs dans le périmètre, à portée"
        case .outOfReach: "dans le périmètre, mais hors de portée en bus"
        case .neighbourOnly: "seulement dans un territoire voisin"
        case .none: "rien dans la limite de recherche"
        case .undeclared: "non renseigné par les lieux de la commune"
        }
    }

    /// Whether the commune is served in the diagnostic's meaning of « à portée » (``Reach/inPerimeterByBus``): a place
    /// in the commune, or an answer of the perimeter within reach.
    public var isWithinReach: Bool { self == .inCommune || self == .withinReach }

    /// A text symbol, so that tables and maps read in black and white and by colour-blind people.
    public var symbol: String {
        switch self {
        case .inCommune: "●"
        case .withinReach: "◐"
        case .outOfReach: "◔"
        case .neighbourOnly: "○"
        case .none: "✕"
        case .undeclared: "?"
        }
    }

    /// The position in `allCases`, from the best served to the worst.
    var ordinal: Int {
        switch self {
        case .inCommune: 0
        case .withinReach: 1
        case .outOfReach: 2
        case .neighbourOnly: 3
        case .none: 4
        case .undeclared: 5
        }
    }

    public static func < (lhs: CoverageClass, rhs: CoverageClass) -> Bool { lhs.ordinal < rhs.ordinal }
}
