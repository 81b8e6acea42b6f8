/// How two structures work together, as the network names it.
public enum PartnershipKind: String, CaseIterable, Codable, Sendable {
    case orienteVers = "oriente_vers"
    case recoitDe = "recoit_de"
    case convention
    case coAnimation = "co_animation"
    case mutualisation
    case projetCommun = "projet_commun"
    case autre

    public var label: String {
        switch self {
        case .orienteVers: "Oriente vers"
        case .recoitDe: "Reçoit des personnes de"
        case .convention: "Convention"
        case .coAnimation: "Co-animation"
        case .mutualisation: "Mutualisation de locaux ou de matériel"
        case .projetCommun: "Projet commun"
        case .autre: "Autre lien"
        }
    }

    /// Whether the link says who sends people to whom (read from the first structure to the second).
    public var isOrientation: Bool { self == .orienteVers || self == .recoitDe }
}
