import Foundation
import MaillageCore
import MaillageStorage

/// `/invitations`: invite someone to a role I may give, see the invitations still open, make a reset link.
struct InvitationsPage: PageModel {
    struct Choice {
        var value: String
        var label: String
    }

    struct Pending {
        var email: String
        var role: String
        var expires: String
    }

    struct Person {
        var name: String
        var email: String
        var roles: [Grant]
        var resetURL: String?
    }

    struct Grant {
        var label: String
        var role: String
        var scope: String
        var revokeURL: String?
    }

    let template = TemplateName.invitations
    /// The form's field names.
    let fields = InvitationFormField.names
    let title = "Invitations — Maillage"
    var roles: [Choice]
    var territories: [Choice]
    var freeTerritory: Bool
    var pending: [Pending]
    var hasPending: Bool
    var people: [Person]
    var hasPeople: Bool

    init(
        actor: Actor, pending: [(email: String, grant: RoleGrant, expiresAt: Date)], people: [AccountRepository.Account], policy: AccessPolicy,
        territoryName: (Siren) -> String?
    ) {
        let coordinates = actor.isAdministrator || actor.grants.contains { $0.role == .coordinateur }
        roles = Role.allCases.filter { $0 != .administrateur && (coordinates || $0 == .participant) }.map {
            Choice(value: $0.rawValue, label: $0.label)
        }
        territories = actor.territories.sorted().map { siren in
            Choice(value: siren.rawValue, label: territoryName(siren).map { "\($0) — \(siren.rawValue)" } ?? siren.rawValue)
        }
        freeTerritory = actor.isAdministrator
        self.pending = pending.map { Pending(email: $0.email, role: $0.grant.description, expires: French.date($0.expiresAt)) }
        hasPending = !self.pending.isEmpty
        self.people = people.map { account in
            let id = String(account.id)
            return Person(
                name: account.name, email: account.email,
                roles: account.grants.sorted().map { grant in
                    Grant(
                        label: grant.description, role: grant.role.rawValue, scope: grant.scope.value,
                        revokeURL: policy.allows(actor, .manageRole(grant)) ? SiteURL.revokeRole(.value(id)).path : nil)
                },
                resetURL: policy.allows(actor, .resetPassword(of: account.grants)) ? SiteURL.resetLink(.value(id)).path : nil)
        }
        hasPeople = !self.people.isEmpty
    }
}
