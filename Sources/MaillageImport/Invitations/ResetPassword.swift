import Foundation
import MaillageCore
import MaillageStorage

/// A new password from a reset link: the password is hashed first, then the link is used, the second factor's proof
/// spent (an account with one), the password set and a session opened together, or nothing is.
public struct ResetPassword: Sendable {
    let database: any Transactions
    let hasher: any PasswordHashing
    let links: OneTimeLinkRepository
    let spending: SecondFactorSpending
    let changePassword: ChangePassword

    public init(database: any Transactions, hasher: any PasswordHashing, links: OneTimeLinkRepository, spending: SecondFactorSpending,
                changePassword: ChangePassword) {
        (self.database, self.hasher, self.links, self.spending, self.changePassword) = (database, hasher, links, spending, changePassword)
    }

    /// Returns the new session's token. Throws ``AccountRefusal/linkGone`` or ``AccountRefusal/wrongCode``.
    public func callAsFunction(token: String, password: String, for account: AccountRepository.Account, proof: SecondFactorProof?,
                               now: Date = Date()) async throws -> String {
        let hash = try await hasher.hash(password)
        let (links, spending, changePassword) = (links, spending, changePassword)
        return try await database.transaction { db in
            guard try await links.consume(token: token, now: now, on: db) != nil else { throw AccountRefusal.linkGone }
            try await spending.require(proof, of: account, now: now, on: db)
            return try await changePassword.set(hash: hash, for: account.id, by: Author(accountID: account.id, label: account.name),
                                                action: "mot de passe réinitialisé", now: now, on: db)
        }
    }
}
