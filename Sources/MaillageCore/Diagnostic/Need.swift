/// A need the diagnostic looks at: one of the 9 services, or a lens on time, public or modality.
public enum Need: Hashable, Codable, Sendable, Comparable {
    case service(Service)
    case openAfterSix
    case openOnSaturday
    case specificSupport(SpecificSupport)
    case supportMode(SupportMode)
    case walkIn

    /// The 9 services, then the time lenses, then support in foreign languages and for disabilities, then modalities.
    public static let all: [Need] =
        Service.allCases.map(Need.service) + [.openAfterSix, .openOnSaturday]
        + [SpecificSupport.languesEtrangeresAnglais, .languesEtrangeresAutres, .surdite, .handicapsMoteurs, .deficienceVisuelle, .illettrisme]
        .map(Need.specificSupport)
        + [.walkIn, .supportMode(.atelierCollectif), .supportMode(.aDistance)]

    public var label: String {
        switch self {
        case .service(let service): service.rawValue
        case .openAfterSix: "Ouvert après 18 h"
        case .openOnSaturday: "Ouvert le samedi"
        case .specificSupport(let support): "Prise en charge : \(support.rawValue)"
        case .supportMode(let mode): "Accompagnement : \(mode.rawValue)"
        case .walkIn: "Accueil sans rendez-vous"
        }
    }

    /// A short stable identifier for URLs and files.
    public var key: String {
        switch self {
        case .service(let service): "service-\(Service.allCases.firstIndex(of: service)! + 1)"
        case .openAfterSix: "apres-18h"
        case .openOnSaturday: "samedi"
        case .specificSupport(let support): "pec-\(SpecificSupport.allCases.firstIndex(of: support)! + 1)"
        case .supportMode(let mode): "modalite-\(SupportMode.allCases.firstIndex(of: mode)! + 1)"
        case .walkIn: "sans-rdv"
        }
    }

    /// The search criterion a place must meet to answer this need.
    public var criterion: Criterion {
        switch self {
        case .service(let service): .service(service)
        case .openAfterSix: .openAfterSix
        case .openOnSaturday: .openOnSaturday
        case .specificSupport(let support): .specificSupport(support)
        case .supportMode(let mode): .supportMode(mode)
        case .walkIn: .accessMode(.sePresenter)
        }
    }

    public static func < (lhs: Need, rhs: Need) -> Bool { all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)! }
}
