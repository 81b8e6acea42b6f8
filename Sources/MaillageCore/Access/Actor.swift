/// Who is acting: a signed-in person and the roles they hold. A visitor without an account has no actor.
public struct Actor: Hashable, Sendable {
    public var accountID: Int
    public var name: String
    public var grants: Set<RoleGrant>

    public init(accountID: Int, name: String, grants: Set<RoleGrant>) {
        self.accountID = accountID
        self.name = name
        self.grants = grants
    }

    /// Whether the person holds `role` for exactly `scope`.
    public func holds(_ role: Role, for scope: Scope) -> Bool {
        RoleGrant(role: role, scope: scope).map(grants.contains) ?? false
    }

    public var isAdministrator: Bool { grants.contains(.administrator) }

    /// The territories where the person holds any role.
    public var territories: Set<Siren> {
        Set(grants.compactMap { if case .territory(let siren) = $0.scope { siren } else { nil } })
    }
}
