import Foundation
import MaillageCore
import MaillageStorage

/// A new password from a reset link: the password is hashed first, then the link is used, the second factor's proof
/// spent (an account with one), the password set and a session opened together, or nothing is; a link whose maker may
/// no longer make it (``LinkMakerCheck``) opens nothing.
public struct ResetPassword: Sendable {
    let database: any Transactions
    let hasher: any PasswordHashing
    let links: OneTimeLinkRepository
    let makerCheck: LinkMakerCheck
    let spending: SecondFactorSpending
    let changePassword: ChangePassword

    public init(
        database: any Transactions, hasher: any PasswordHashing, links: OneTimeLinkRepository, makerCheck: LinkMakerCheck,
        spending: SecondFactorSpending, changePassword: ChangePassword
    ) {
        (self.database, self.hasher, self.links, self.makerCheck) = (database, hasher, links, makerCheck)
        (self.spending, self.changePassword) = (spending, changePassword)
    }

    /// Returns the new session's token. Throws ``AccountRefusal/linkGone``, ``AccountRefusal/linkWithdrawn`` or
    /// ``AccountRefusal/wrongCode``.
    public func callAsFunction(
        token: String, password: String, for account: AccountRepository.Account, proof: SecondFactorProof?,
        now: Date = Date()
    ) async throws -> String {
        let hash = try await hasher.hash(password)
        let (links, makerCheck, spending, changePassword) = (links, makerCheck, spending, changePassword)
        return try await database.transaction { db in
            guard let link = try await links.consume(token: token, now: now, on: db) else { throw AccountRefusal.linkGone }
            guard try await makerCheck.allows(link, on: db) else { throw AccountRefusal.linkWithdrawn }
            try await spending.require(proof, of: account, now: now, on: db)
            return try await changePassword.set(
                hash: hash, for: account.id, by: Author(accountID: account.id, label: account.name),
                action: "mot de passe réinitialisé", now: now, on: db)
        }
    }
}
