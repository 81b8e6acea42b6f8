/// Where a partnership stands, from an idea of a meeting to a signed agreement.
public enum PartnershipState: String, CaseIterable, Codable, Sendable {
    case envisage
    case existant
    case aFormaliser = "a_formaliser"
    case formalise

    public var label: String {
        switch self {
        case .envisage: "Envisagé"
        case .existant: "Existant"
        case .aFormaliser: "À formaliser"
        case .formalise: "Formalisé"
        }
    }
}
