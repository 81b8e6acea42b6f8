/// A persona's journey through the territory's places: for each need in order, where to go and why — or why nothing fits.
public struct Journey: Sendable {
    /// What the workshop marks on a step.
    public enum Flag: String, Codable, CaseIterable, Sendable {
        /// No place fits every constraint.
        case rupture
        /// Answered only in another EPCI than the persona's.
        case outsideTerritory = "hors-territoire"
        /// No place of the persona's commune offers the service: a missing place in the diagnostic.
        case missingPlace = "lieu-manquant"
        /// The rupture comes from a specific support no place around declares: what the places do is unknown — a data
        /// gap to collect from the structures, not a missing place.
        case undeclared = "non-declare"

        public var label: String {
            switch self {
            case .rupture: "rupture"
            case .outsideTerritory: "hors territoire"
            case .missingPlace: "lieu manquant"
            case .undeclared: "aucun lieu ne le déclare"
            }
        }
    }

    /// The constraint that left no candidate, to sum up why journeys break.
    public enum Blocker: String, Codable, CaseIterable, Sendable {
        case service = "service"
        case audience = "public"
        case specificSupport = "prise-en-charge"
        case fees = "frais"
        case inPerson = "sur-place"
        case hours = "horaires"
        case trip = "trajet"

        public var label: String {
            switch self {
            case .service: "aucun lieu ne propose le service"
            case .audience: "public non accueilli"
            case .specificSupport: "prise en charge non déclarée"
            case .fees: "seulement payant"
            case .inPerson: "pas d'accueil sur place"
            case .hours: "fermé quand la personne est disponible"
            case .trip: "trop loin"
            }
        }
    }

    /// How a whole journey ends, for the workshop matrix.
    public enum Outcome: String, Codable, CaseIterable, Sendable, Comparable {
        case local = "local"
        case outsideTerritory = "hors-territoire"
        /// Every rupture comes from a specific support no place declares: unknown, not broken.
        case undeclared = "non-declare"
        case broken = "rupture"

        public var label: String {
            switch self {
            case .local: "tous les besoins satisfaits sur le territoire"
            case .outsideTerritory: "satisfait avec un déplacement hors du territoire"
            case .undeclared: "réponse inconnue : une prise en charge qu'aucun lieu ne déclare"
            case .broken: "parcours rompu"
            }
        }

        /// A text symbol, so that the matrix reads in black and white.
        public var symbol: String {
            switch self {
            case .local: "●"
            case .outsideTerritory: "◐"
            case .undeclared: "?"
            case .broken: "✕"
            }
        }

        public static func < (lhs: Outcome, rhs: Outcome) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
    }

    /// A place the persona goes to, with the trip.
    public struct Visit: Sendable {
        public var entry: PlaceIndex.Entry
        public var distanceMetres: Double
        public var minutes: Double
        public var isOutsideTerritory: Bool
    }

    /// One need of the persona and its answer.
    public struct Step: Sendable {
        public var need: PersonaNeed
        /// The place chosen, nil on a rupture.
        public var visit: Visit?
        /// Other places that also fit, nearest first.
        public var alternatives: [Visit]
        /// Why the place fits ("propose « … »", "ouvert samedi de 9 h à 12 h", "gratuit", "24 min en bus").
        public var reasons: [String]
        /// One sentence: the answer, or the constraint that excluded every candidate and the nearest near-answer.
        public var explanation: String
        public var flags: Set<Flag>
        /// On a rupture, the constraint that excluded the last candidates.
        public var blocker: Blocker?
        /// On a rupture by the trip, the nearest place that meets every other constraint: what a permanence closer to
        /// the persona, or a partnership, would bring within reach.
        public var nearMiss: Visit?
        /// Other steps (0-based) answered at the same place.
        public var sharedWith: [Int]
        /// How the persona gets in ("se présenter aux heures d'ouverture", "téléphoner au …").
        public var howToGetIn: String?
        /// Who orients the persona here, and how, when another place is the first point of contact.
        public var referral: String?
        /// The network's orientation rule that chose the place, when one speaks of the persona's situation; nil when
        /// the place comes from the computed ranking.
        public var rule: OrientationRuleBook.Choice?
    }

    public var persona: Persona
    public var commune: Commune
    public var steps: [Step]
    /// The place the persona goes to first, from which they are oriented to the others.
    public var firstContact: Visit?
    public var parameters: DiagnosticParameters

    /// Distinct places to go to.
    public var trips: Int { Set(steps.compactMap { $0.visit?.entry.place.id }).count }

    public var outcome: Outcome {
        if steps.contains(where: { $0.flags.contains(.rupture) && !$0.flags.contains(.undeclared) }) { return .broken }
        if steps.contains(where: { $0.flags.contains(.undeclared) }) { return .undeclared }
        if steps.contains(where: { $0.flags.contains(.outsideTerritory) }) { return .outsideTerritory }
        return .local
    }
}
