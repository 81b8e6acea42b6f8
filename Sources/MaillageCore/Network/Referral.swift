import Foundation

/// An orientation a structure's member sends to another structure for a person, and its follow-up. Only what the
/// receiving structure needs to contact the person is kept — a first name or initials, how to be contacted, the need,
/// a short note — with the person's recorded consent; never health or other sensitive details. Forgotten after
/// ``anonymisation`` (the counts per pair of structures stay).
public struct Referral: Hashable, Sendable, Identifiable {
    public var id: Int
    public var territory: Siren
    public var from: String
    public var to: String
    public var need: Service
    public var person: String
    public var contact: String
    public var note: String
    /// When the person agreed that their details be sent (required).
    public var consentAt: Date
    public var status: ReferralStatus
    public var refusalReason: String
    public var createdAt: Date
    public var updatedAt: Date
    public var anonymised: Bool

    public init(
        id: Int = 0, territory: Siren, from: String, to: String, need: Service, person: String, contact: String, note: String = "",
        consentAt: Date, status: ReferralStatus = .envoyee, refusalReason: String = "", createdAt: Date, updatedAt: Date? = nil,
        anonymised: Bool = false
    ) {
        self.id = id
        self.territory = territory
        self.from = from
        self.to = to
        self.need = need
        self.person = person
        self.contact = contact
        self.note = note
        self.consentAt = consentAt
        self.status = status
        self.refusalReason = refusalReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.anonymised = anonymised
    }

    public static let personLength = 1...40
    public static let contactLength = 1...120
    public static let maxNoteLength = 500
    public static let maxReasonLength = 300
    /// Without an answer after this long, an orientation expires.
    public static let answerDelay: TimeInterval = 30 * 24 * 3600
    /// After this long, the person's details are erased (configurable at the command line).
    public static let defaultAnonymisation: TimeInterval = 730 * 24 * 3600

    public func problems(in structures: StructureDirectory, consent: Bool) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if structures[to] == nil { problems.append(.init(field: "Structure destinataire", expected: "une structure de l'annuaire")) }
        if from == to { problems.append(.init(field: "Structure destinataire", expected: "une autre structure que la vôtre")) }
        if !Self.personLength.contains(person.storedLength) {
            problems.append(.init(field: "Personne", expected: "un prénom ou des initiales, 40 caractères au plus"))
        }
        if !Self.contactLength.contains(contact.storedLength) {
            problems.append(.init(field: "Contact", expected: "comment joindre la personne, 120 caractères au plus"))
        }
        if note.storedLength > Self.maxNoteLength { problems.append(.init(field: "Note", expected: "au plus 500 caractères")) }
        if !consent { problems.append(.init(field: "Accord", expected: "l'accord de la personne pour transmettre ses coordonnées")) }
        return problems
    }
}
