/// Where a declaration stands in the coordinators' review.
public enum DeclarationStatus: String, CaseIterable, Codable, Sendable {
    /// Sent, not looked at yet.
    case propose = "propose"
    /// A coordinator took it and is checking it.
    case aVerifier = "a_verifier"
    /// Accepted, wholly or field by field: the accepted fields are the place's local data.
    case valide = "valide"
    /// Refused, with a reason.
    case refuse = "refuse"

    public var label: String {
        switch self {
        case .propose: "Proposé"
        case .aVerifier: "À vérifier"
        case .valide: "Validé"
        case .refuse: "Refusé"
        }
    }

    /// Whether a coordinator still has to decide.
    public var isOpen: Bool { self == .propose || self == .aVerifier }
}
