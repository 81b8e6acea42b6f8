/// What a report about a place says is wrong: the categories of the national map's « signaler une erreur ».
public enum ReportCategory: String, CaseIterable, Codable, Sendable {
    case horaires
    case services
    case adresse
    case contacts
    case accompagnements
    case labels
    case publics
    case fermeDefinitivement = "ferme"

    public var label: String {
        switch self {
        case .horaires: "Horaires"
        case .services: "Services proposés"
        case .adresse: "Adresse"
        case .contacts: "Contacts"
        case .accompagnements: "Accompagnements"
        case .labels: "Labels"
        case .publics: "Public accueilli"
        case .fermeDefinitivement: "Le lieu n'existe plus"
        }
    }
}
