import Foundation
import MaillageCore
import MaillageStorage

/// Accepts an invitation: the password is hashed first, then the link is used, the account made (for a new person),
/// the role given, the password set and a session opened, in one transaction — a busy hashing pool, a link used
/// meanwhile or any failure leaves everything as it was, the link still usable; an invitation whose sender may no
/// longer send it (``LinkMakerCheck``) gives nothing.
public struct AcceptInvitation: Sendable {
    let database: any Transactions
    let hasher: any PasswordHashing
    let accounts: AccountRepository
    let links: OneTimeLinkRepository
    let makerCheck: LinkMakerCheck
    let createAccount: CreateAccount
    let changeRole: ChangeRole
    let changePassword: ChangePassword

    public init(
        database: any Transactions, hasher: any PasswordHashing, accounts: AccountRepository, links: OneTimeLinkRepository,
        makerCheck: LinkMakerCheck, createAccount: CreateAccount, changeRole: ChangeRole, changePassword: ChangePassword
    ) {
        (self.database, self.hasher, self.accounts, self.links, self.makerCheck) = (database, hasher, accounts, links, makerCheck)
        (self.createAccount, self.changeRole, self.changePassword) = (createAccount, changeRole, changePassword)
    }

    /// An account made without a password (by the command line, or an invitation not yet accepted) chooses it through
    /// its own link only: an invitation, whose link its sender sees, must not set it and open a session in its name.
    /// Throws ``AccountRefusal/awaitingItsOwnLink``.
    public static func refuseAccountAwaitingItsOwnLink(_ account: AccountRepository.Account?) throws {
        guard let account, !account.hasPassword else { return }
        throw AccountRefusal.awaitingItsOwnLink
    }

    /// Uses the invitation of `token` with `password` (a new person's choice, or an existing person's current password,
    /// checked by the caller) and `name` (for a new person); returns the account and its new session's token.
    public func callAsFunction(
        token: String, password: String, name: String?,
        now: Date = Date()
    ) async throws -> (account: AccountRepository.Account, session: String) {
        let hash = try await hasher.hash(password)
        let (accounts, links, makerCheck) = (accounts, links, makerCheck)
        let (createAccount, changeRole, changePassword) = (createAccount, changeRole, changePassword)
        return try await database.transaction { db in
            guard let used = try await links.consume(token: token, now: now, on: db), let grant = used.grant else { throw AccountRefusal.linkGone }
            guard try await makerCheck.allows(used, on: db) else { throw AccountRefusal.linkWithdrawn }
            let person: AccountRepository.Account
            if let found = try await accounts.find(email: used.email, on: db) {
                try Self.refuseAccountAwaitingItsOwnLink(found)
                person = found
            } else {
                person = try await createAccount.insert(email: used.email, name: name ?? "", by: nil, now: now, on: db)
            }
            try await changeRole.apply(
                .give, grant, of: person.id, by: Author(accountID: used.createdBy, label: "invitation acceptée par \(person.name)"),
                now: now, on: db)
            let session = try await changePassword.set(
                hash: hash, for: person.id, by: Author(accountID: person.id, label: person.name),
                action: person.hasPassword ? "mot de passe confirmé" : "mot de passe choisi", now: now, on: db)
            return (person, session)
        }
    }
}
