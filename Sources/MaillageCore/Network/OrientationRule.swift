import Foundation

/// How the network orients a person « selon les situations »: for a commune, a need, and optionally a public and a
/// constraint, an ordered list of structures with how to orient there and whom to contact. `/orienter` and the
/// journeys use the rules first, then the computed ranking. A step may name a structure of a neighbouring territory:
/// an agreement with a neighbour is a rule too.
public struct OrientationRule: Hashable, Sendable, Identifiable {
    /// What makes the usual answer unfit for the person.
    public enum Constraint: String, CaseIterable, Codable, Sendable {
        case sansEquipement = "sans_equipement"
        case sansInternet = "sans_internet"
        case autreLangue = "autre_langue"
        case handicap

        public var label: String {
            switch self {
            case .sansEquipement: "sans équipement numérique"
            case .sansInternet: "sans internet à la maison"
            case .autreLangue: "parle peu le français"
            case .handicap: "en situation de handicap"
            }
        }
    }

    /// How to send the person to the structure.
    public enum Approach: String, CaseIterable, Codable, Sendable {
        case sePresenter = "se_presenter"
        case telephoner
        case fichePrescription = "fiche_prescription"
        case rdvEnLigne = "rdv_en_ligne"

        public var label: String {
            switch self {
            case .sePresenter: "se présenter"
            case .telephoner: "téléphoner d'abord"
            case .fichePrescription: "fiche de prescription"
            case .rdvEnLigne: "rendez-vous en ligne"
            }
        }
    }

    public struct Step: Hashable, Sendable {
        public var structureID: String
        public var approach: Approach
        /// The contact point: a service, a desk, a phone number (never a person's private details).
        public var contact: String

        public init(structureID: String, approach: Approach, contact: String = "") {
            self.structureID = structureID
            self.approach = approach
            self.contact = contact
        }
    }

    /// The person's situation as a field worker describes it.
    public struct Situation: Hashable, Sendable {
        public var commune: CommuneCode
        public var needs: [Service]
        public var publics: Set<TargetPublic>
        public var constraints: Set<Constraint>

        public init(commune: CommuneCode, needs: [Service], publics: Set<TargetPublic> = [], constraints: Set<Constraint> = []) {
            self.commune = commune
            self.needs = needs
            self.publics = publics
            self.constraints = constraints
        }
    }

    public var id: Int
    public var territory: Siren
    public var commune: CommuneCode
    public var need: Service
    public var targetPublic: TargetPublic?
    public var constraint: Constraint?
    public var steps: [Step]
    public var note: String
    public var updatedAt: Date

    public init(
        id: Int = 0, territory: Siren, commune: CommuneCode, need: Service, targetPublic: TargetPublic? = nil, constraint: Constraint? = nil,
        steps: [Step], note: String = "", updatedAt: Date
    ) {
        self.id = id
        self.territory = territory
        self.commune = commune
        self.need = need
        self.targetPublic = targetPublic
        self.constraint = constraint
        self.steps = steps
        self.note = note
        self.updatedAt = updatedAt
    }

    public static let maxSteps = 5
    public static let maxContactLength = 200
    public static let maxNoteLength = 1_000

    /// Whether the rule speaks of this situation: its commune and need, and its public and constraint if it has them.
    public func matches(_ situation: Situation) -> Bool {
        situation.commune == commune && situation.needs.contains(need)
            && (targetPublic.map(situation.publics.contains) ?? true) && (constraint.map(situation.constraints.contains) ?? true)
    }

    /// How many conditions beyond commune and need: the most specific matching rule is used first.
    public var specificity: Int { (targetPublic == nil ? 0 : 1) + (constraint == nil ? 0 : 1) }

    /// The situation in words: « Denain, Aide aux démarches administratives, seniors, sans équipement numérique ».
    public func situationText(communeName: String) -> String {
        ([communeName, need.rawValue] + [targetPublic?.rawValue.lowercased(), constraint?.label].compactMap { $0 }).joined(separator: ", ")
    }

    /// The rules that speak of a situation, the most specific first.
    public static func applicable(_ rules: [OrientationRule], to situation: Situation) -> [OrientationRule] {
        rules.filter { $0.matches(situation) }.sorted { ($0.specificity, $1.updatedAt) > ($1.specificity, $0.updatedAt) }
    }

    public func problems(in territory: TerritoryData, structures: StructureDirectory) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if territory.commune(commune)?.epci != self.territory { problems.append(.init(field: "Commune", expected: "une commune du territoire")) }
        if steps.isEmpty || steps.count > Self.maxSteps {
            problems.append(.init(field: "Structures", expected: "de 1 à 5 structures, dans l'ordre où orienter"))
        }
        if steps.contains(where: { structures[$0.structureID] == nil }) {
            problems.append(.init(field: "Structures", expected: "des structures de l'annuaire"))
        }
        if Set(steps.map(\.structureID)).count != steps.count { problems.append(.init(field: "Structures", expected: "chaque structure une fois")) }
        if steps.contains(where: { $0.contact.storedLength > Self.maxContactLength }) {
            problems.append(.init(field: "Contact", expected: "au plus 200 caractères"))
        }
        if note.storedLength > Self.maxNoteLength { problems.append(.init(field: "Note", expected: "au plus 1 000 caractères")) }
        return problems
    }
}
