import Foundation

/// A card of a workshop board: what one table (a commune) said at a meeting, by whom (a participant's pass or an
/// account), and what the animateurs did with it.
public struct WorkshopCard: Hashable, Sendable, Identifiable {
    /// Whether the card is shown on the board: hidden when off-topic, merged into another when it repeats it.
    public enum Visibility: Hashable, Sendable {
        case visible
        case hidden
        case merged(into: Int)
    }

    public var id: Int
    public var meetingID: Int
    public var table: CommuneCode
    public var kind: CardKind
    public var text: String
    /// The place of the directory the card names (a structure ressource, one end of a partnership).
    public var placeID: String?
    /// The neighbouring commune a resource lies in.
    public var neighbourCommune: CommuneCode?
    /// The persona whose journey was discussed.
    public var personaID: String?
    public var authorLabel: String
    public var createdAt: Date
    public var visibility: Visibility
    /// The key the sending phone gave the card: a card sent twice (a retry, a double tap) is kept once.
    public var clientKey: String

    public init(
        id: Int = 0, meetingID: Int, table: CommuneCode, kind: CardKind, text: String, placeID: String? = nil,
        neighbourCommune: CommuneCode? = nil, personaID: String? = nil, authorLabel: String, createdAt: Date,
        visibility: Visibility = .visible, clientKey: String
    ) {
        self.id = id
        self.meetingID = meetingID
        self.table = table
        self.kind = kind
        self.text = text
        self.placeID = placeID
        self.neighbourCommune = neighbourCommune
        self.personaID = personaID
        self.authorLabel = authorLabel
        self.createdAt = createdAt
        self.visibility = visibility
        self.clientKey = clientKey
    }

    public static let textLength = 1...600
    public static let clientKeyLength = 8...64
    /// A table of a meeting of ~20 people writes a few dozen cards; beyond this, something is wrong. Counted per table,
    /// so that one table flooded leaves the others room.
    public static let maxPerTable = 600
    /// A participant writes a card in a minute or so; beyond this many in a minute, a pass waits (a phone gone wild,
    /// or a stranger with a pass, cannot flood the board).
    public static let maxPerPassPerMinute = 10

    public var isShown: Bool { visibility == .visible }

    /// What is wrong with the card as sent, against the meeting it is sent to.
    public func problems(for meeting: Meeting, in territory: TerritoryData) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !meeting.focusCommunes.contains(table) { problems.append(.init(field: "Table", expected: "une table de la rencontre")) }
        if !Self.textLength.contains(text.storedLength) { problems.append(.init(field: "Texte", expected: "de 1 à 600 caractères")) }
        if let neighbourCommune, territory.commune(neighbourCommune) == nil {
            problems.append(.init(field: "Commune voisine", expected: "une commune connue"))
        }
        if !Self.clientKeyLength.contains(clientKey.utf8.count) || !clientKey.utf8.allSatisfy(Self.isKeyByte) {
            problems.append(.init(field: "Clé d'envoi", expected: "8 à 64 lettres, chiffres ou tirets"))
        }
        return problems
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
