/// Where an orientation sent between structures stands: sent, received, accepted or refused (with a reason), then
/// honoured or left without follow-up; expired after 30 days without an answer.
public enum ReferralStatus: String, CaseIterable, Codable, Sendable {
    case envoyee
    case recue
    case acceptee
    case refusee
    case honoree
    case sansSuite = "sans_suite"
    case expiree

    public var label: String {
        switch self {
        case .envoyee: "Envoyée"
        case .recue: "Reçue"
        case .acceptee: "Acceptée"
        case .refusee: "Refusée"
        case .honoree: "Honorée"
        case .sansSuite: "Sans suite"
        case .expiree: "Expirée sans réponse"
        }
    }

    /// What the receiving structure may answer from here.
    public var next: [ReferralStatus] {
        switch self {
        case .envoyee: [.recue, .acceptee, .refusee]
        case .recue: [.acceptee, .refusee]
        case .acceptee: [.honoree, .sansSuite]
        case .refusee, .honoree, .sansSuite, .expiree: []
        }
    }

    /// Still waiting for the receiving structure's answer (what expires).
    public var awaitsAnswer: Bool { self == .envoyee || self == .recue }
}
