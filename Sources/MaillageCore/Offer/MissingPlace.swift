import Foundation

/// A place the territory lacks (« lieu manquant »): where, for which services and publics, with which needs, why;
/// the participants who support it and where the idea stands. An opened one points to the place it became.
public struct MissingPlace: Hashable, Sendable, Identifiable {
    /// Where the idea came from.
    public enum Origin: String, CaseIterable, Codable, Sendable {
        case diagnostic
        case journey = "parcours"
        case byHand = "saisie"

        public var label: String {
            switch self {
            case .diagnostic: "Manque du diagnostic"
            case .journey: "Rupture d'un parcours"
            case .byHand: "Proposé en atelier"
            }
        }
    }

    /// A need the missing place answers beyond its services.
    public enum Need: String, CaseIterable, Codable, Sendable {
        case evening = "soir"
        case saturday = "samedi"
        case itinerance
        case appointmentFree = "sans_rdv"
        case foreignLanguages = "langues"
        case disability = "handicap"

        public var label: String {
            switch self {
            case .evening: "Ouverture en soirée"
            case .saturday: "Ouverture le samedi"
            case .itinerance: "Itinérance (aller vers)"
            case .appointmentFree: "Accueil sans rendez-vous"
            case .foreignLanguages: "Accompagnement en langues étrangères"
            case .disability: "Accueil des personnes en situation de handicap"
            }
        }
    }

    public var id: Int
    public var territory: Siren
    public var commune: CommuneCode?
    public var qpv: String?
    public var services: [Service]
    public var publics: [TargetPublic]
    public var needs: [Need]
    public var justification: String
    public var origin: Origin
    public var status: MissingPlaceStatus
    /// 1 (high) to 3 (low).
    public var priority: Int
    public var supporters: Int
    /// The place it became, once opened.
    public var placeID: String?
    public var createdAt: Date
    public var author: Author

    public init(
        id: Int = 0, territory: Siren, commune: CommuneCode?, qpv: String?, services: [Service], publics: [TargetPublic], needs: [Need],
        justification: String, origin: Origin, status: MissingPlaceStatus = .idee, priority: Int = 2, supporters: Int = 0,
        placeID: String? = nil, createdAt: Date, author: Author
    ) {
        self.id = id
        self.territory = territory
        self.commune = commune
        self.qpv = qpv
        self.services = services
        self.publics = publics
        self.needs = needs
        self.justification = justification
        self.origin = origin
        self.status = status
        self.priority = priority
        self.supporters = supporters
        self.placeID = placeID
        self.createdAt = createdAt
        self.author = author
    }

    /// The services and needs a diagnostic gap asks of a missing place.
    public static func asked(by need: MaillageCore.Need) -> (services: [Service], needs: [Need]) {
        switch need {
        case .service(let service): ([service], [])
        case .openAfterSix: ([], [.evening])
        case .openOnSaturday: ([], [.saturday])
        case .walkIn: ([], [.appointmentFree])
        case .specificSupport(.languesEtrangeresAnglais), .specificSupport(.languesEtrangeresAutres): ([], [.foreignLanguages])
        case .specificSupport(.illettrisme): ([], [])
        case .specificSupport: ([], [.disability])
        case .supportMode: ([], [])
        }
    }

    /// The most a justification may hold.
    public static let maxJustificationLength = 2_000
}
