import Foundation

/// What an actor says about a place: corrections of its fields, a new place the open data lacks, or a report that
/// something is wrong. A declaration is a proposal: nothing reaches the place until a coordinator validates it.
public struct Declaration: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// New values for fields of an existing place.
        case correction
        /// A place the open data lacks, with its fields.
        case newPlace = "nouveau_lieu"
        /// Something wrong, said in words (anyone may report, even without an account).
        case report = "signalement"

        public var label: String {
            switch self {
            case .correction: "Mise à jour d'un lieu"
            case .newPlace: "Nouveau lieu"
            case .report: "Signalement"
            }
        }
    }

    public var id: Int
    public var kind: Kind
    /// The place corrected or reported (nil for a new place until it is validated).
    public var placeID: String?
    /// The source record the place was built around when the declaration was made: validated fields follow it even
    /// if the place's identifier changes with a later import.
    public var anchor: String?
    /// The territory whose coordinators review it.
    public var territory: Siren
    /// The structure it was declared for, when it was.
    public var structureID: String?
    public var placeName: String
    public var author: Author
    public var status: DeclarationStatus
    public var createdAt: Date
    public var fields: [DeclaredField]
    public var category: ReportCategory?
    public var message: String?
    public var decidedBy: Author?
    public var decidedAt: Date?
    public var reason: String?

    public init(
        id: Int = 0, kind: Kind, placeID: String?, anchor: String?, territory: Siren, structureID: String?, placeName: String,
        author: Author, status: DeclarationStatus = .propose, createdAt: Date, fields: [DeclaredField] = [],
        category: ReportCategory? = nil, message: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.placeID = placeID
        self.anchor = anchor
        self.territory = territory
        self.structureID = structureID
        self.placeName = placeName
        self.author = author
        self.status = status
        self.createdAt = createdAt
        self.fields = fields
        self.category = category
        self.message = message
    }

    /// The most a message may hold.
    public static let maxMessageLength = 2_000
}
