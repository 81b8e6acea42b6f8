/// What a person may do in Maillage, always held for a scope (``RoleGrant``).
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// Runs the instance: every right, everywhere.
    case administrateur
    /// Owns a territory's diagnostic: validates contributions, invites, manages the territory's roles.
    case coordinateur
    /// Runs a territory's workshops and meetings: personas, the cycle.
    case animateur
    /// Speaks for one structure: edits that structure's places and offer.
    case membre
    /// Takes part in a territory's meetings and contributes there.
    case participant

    /// The scope this role is held for.
    public var scopeKind: Scope.Kind {
        switch self {
        case .administrateur: .instance
        case .coordinateur, .animateur, .participant: .territory
        case .membre: .structure
        }
    }

    /// How the role is named on the pages.
    public var label: String {
        switch self {
        case .administrateur: "Administrateur"
        case .coordinateur: "Coordinateur"
        case .animateur: "Animateur"
        case .membre: "Membre d'une structure"
        case .participant: "Participant"
        }
    }

    /// Whether holding this role for a scope gives every right `other` gives for the same scope: a coordinator's include
    /// an animateur's and a participant's, an animateur's a participant's; a member's (a structure's orientations) are
    /// only a member's.
    public func includes(_ other: Role) -> Bool {
        switch self {
        case .administrateur: true
        case .coordinateur: [.coordinateur, .animateur, .participant].contains(other)
        case .animateur: [.animateur, .participant].contains(other)
        case .membre, .participant: other == self
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
