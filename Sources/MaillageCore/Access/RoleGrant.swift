/// A role held for a scope: `coordinateur` of territory 200042190, `membre` of one structure.
public struct RoleGrant: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var role: Role
    public var scope: Scope

    /// A grant; nil when the scope is not the kind the role is held for (an administrator of a structure, say).
    public init?(role: Role, scope: Scope) {
        guard role.scopeKind == scope.kind else { return nil }
        self.role = role
        self.scope = scope
    }

    public static let administrator = RoleGrant(role: .administrateur, scope: .instance)!

    public var description: String { role == .administrateur ? role.label : "\(role.label) — \(scope)" }

    public static func < (lhs: RoleGrant, rhs: RoleGrant) -> Bool { (lhs.role, lhs.scope) < (rhs.role, rhs.scope) }
}
