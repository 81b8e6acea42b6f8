/// Where a meeting's live workshop stands: participants may join and contribute only while it is open.
public enum WorkshopState: String, CaseIterable, Codable, Sendable {
    case enPreparation = "en_preparation"
    case ouvert
    case clos

    public var label: String {
        switch self {
        case .enPreparation: "En préparation"
        case .ouvert: "WorkshopCards ouvertes"
        case .clos: "Clos"
        }
    }
}
