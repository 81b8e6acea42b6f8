import Foundation
import MaillageCore
import MaillageStorage
import SQLKit

/// A new password from a reset link: the password is hashed first, then the link is used, the second factor's proof
/// spent (an account with one), the password set and a session opened together, or nothing is. The rule that let the
/// link be made is read again when it is used: roles may have changed in the days between.
public struct ResetPassword: Sendable {
    let database: any Transactions
    let hasher: any PasswordHashing
    let accounts: AccountRepository
    let links: OneTimeLinkRepository
    let spending: SecondFactorSpending
    let changePassword: ChangePassword
    let policy: AccessPolicy

    public init(database: any Transactions, hasher: any PasswordHashing, accounts: AccountRepository, links: OneTimeLinkRepository,
                spending: SecondFactorSpending, changePassword: ChangePassword, policy: AccessPolicy) {
        (self.database, self.hasher, self.accounts, self.links) = (database, hasher, accounts, links)
        (self.spending, self.changePassword, self.policy) = (spending, changePassword, policy)
    }

    /// Whether the link's maker may still reset this account's password, as ``AccessPolicy`` says today (a maker who
    /// lost the role, was disabled or deleted, or a person who has since gained a role the maker does not hold: no); a
    /// link made on the command line, by no account, stays valid.
    public func isStillAllowed(_ link: OneTimeLinkRepository.Link, on db: (any SQLDatabase)? = nil) async throws -> Bool {
        guard let makerID = link.createdBy else { return true }
        guard let maker = try await accounts.find(id: makerID, on: db)?.actor, let targetID = link.accountID,
              let target = try await accounts.find(id: targetID, on: db) else { return false }
        return policy.allows(maker, .resetPassword(of: target.grants))
    }

    /// Returns the new session's token. Throws ``AccountRefusal/linkGone``, ``AccountRefusal/linkWithdrawn`` or
    /// ``AccountRefusal/wrongCode``.
    public func callAsFunction(token: String, password: String, for account: AccountRepository.Account, proof: SecondFactorProof?,
                               now: Date = Date()) async throws -> String {
        let hash = try await hasher.hash(password)
        let (links, spending, changePassword) = (links, spending, changePassword)
        return try await database.transaction { db in
            guard let link = try await links.consume(token: token, now: now, on: db) else { throw AccountRefusal.linkGone }
            guard try await isStillAllowed(link, on: db) else { throw AccountRefusal.linkWithdrawn }
            try await spending.require(proof, of: account, now: now, on: db)
            return try await changePassword.set(hash: hash, for: account.id, by: Author(accountID: account.id, label: account.name),
                                                action: "mot de passe réinitialisé", now: now, on: db)
        }
    }
}
