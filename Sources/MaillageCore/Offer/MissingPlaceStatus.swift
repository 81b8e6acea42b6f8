/// Where a missing place stands, from an idea to a place that opened (or was given up).
public enum MissingPlaceStatus: String, CaseIterable, Codable, Sendable {
    case idee
    case retenue
    case enProjet = "en_projet"
    case ouverte
    case abandonnee

    public var label: String {
        switch self {
        case .idee: "Idée"
        case .retenue: "Retenue"
        case .enProjet: "En projet"
        case .ouverte: "Ouverte"
        case .abandonnee: "Abandonnée"
        }
    }
}
