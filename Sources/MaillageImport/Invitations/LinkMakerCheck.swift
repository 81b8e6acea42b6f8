import MaillageCore
import MaillageStorage
import SQLKit

/// Whether the person who made a one-time link may still make it, as ``AccessPolicy`` says today: the rule is read
/// again when the link is used, since roles change in the days between. A maker disabled, or who lost the role, or a
/// reset for a person who has since gained a role the maker lacks: no. A link made by no account (the command line)
/// stays valid; the unused links of a deleted account are withdrawn with it (``DeleteAccount``).
public struct LinkMakerCheck: Sendable {
    let accounts: AccountRepository
    let policy: AccessPolicy

    public init(accounts: AccountRepository, policy: AccessPolicy) {
        (self.accounts, self.policy) = (accounts, policy)
    }

    public func allows(_ link: OneTimeLinkRepository.Link, on db: (any SQLDatabase)? = nil) async throws -> Bool {
        guard let makerID = link.createdBy else { return true }
        guard let maker = try await accounts.find(id: makerID, on: db)?.actor else { return false }
        switch link.purpose {
        case .invitation:
            return link.grant.map { policy.allows(maker, .invite($0)) } ?? false
        case .reset:
            guard let targetID = link.accountID, let target = try await accounts.find(id: targetID, on: db) else { return false }
            return policy.allows(maker, .resetPassword(of: target.grants))
        }
    }
}
