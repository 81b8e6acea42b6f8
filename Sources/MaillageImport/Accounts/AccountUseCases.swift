import MaillageCore
import MaillageStorage

/// Every write on accounts, invitations and sessions, wired to one database: what the web's account and invitation
/// pages call (the command line's `user` commands call the same types, without the password ones).
public struct AccountUseCases: Sendable {
    public let createAccount: CreateAccount
    public let disableAccount: DisableAccount
    public let deleteAccount: DeleteAccount
    public let changeRole: ChangeRole
    public let changePassword: ChangePassword
    public let turnSecondFactorOn: TurnSecondFactorOn
    public let turnSecondFactorOff: TurnSecondFactorOff
    public let renewRecoveryCodes: RenewRecoveryCodes
    public let invite: Invite
    public let makeResetLink: MakeResetLink
    public let acceptInvitation: AcceptInvitation
    public let resetPassword: ResetPassword
    public let signIn: SignIn
    public let signOut: SignOut
    public let linkMakerCheck: LinkMakerCheck

    /// `policy` says the territory of a role's scope (for the journal); `hasher` hashes passwords off the transaction.
    public init(database: AppDatabase, hasher: any PasswordHashing, lifetime: SessionRepository.Lifetime, policy: AccessPolicy) {
        let administration = AccountAdministration(database: database, policy: policy)
        let linkMakerCheck = LinkMakerCheck(accounts: database.accounts, policy: policy)
        self.linkMakerCheck = linkMakerCheck
        let spending = SecondFactorSpending(accounts: database.accounts, recoveryCodes: database.recoveryCodes)
        let changePassword = ChangePassword(
            database: database, hasher: hasher, accounts: database.accounts, sessions: database.sessions,
            lifetime: lifetime)
        let renewRecoveryCodes = RenewRecoveryCodes(database: database, recoveryCodes: database.recoveryCodes, spending: spending)
        (createAccount, disableAccount, deleteAccount, changeRole) = (
            administration.createAccount, administration.disableAccount,
            administration.deleteAccount, administration.changeRole
        )
        self.changePassword = changePassword
        self.renewRecoveryCodes = renewRecoveryCodes
        turnSecondFactorOn = TurnSecondFactorOn(database: database, accounts: database.accounts, recoveryCodes: renewRecoveryCodes)
        turnSecondFactorOff = TurnSecondFactorOff(
            database: database, accounts: database.accounts, recoveryCodes: database.recoveryCodes,
            spending: spending, throttle: database.attemptThrottle)
        invite = Invite(database: database, accounts: database.accounts, links: database.links, policy: policy)
        makeResetLink = MakeResetLink(database: database, links: database.links)
        acceptInvitation = AcceptInvitation(
            database: database, hasher: hasher, accounts: database.accounts, links: database.links,
            makerCheck: linkMakerCheck, createAccount: administration.createAccount, changeRole: administration.changeRole,
            changePassword: changePassword)
        resetPassword = ResetPassword(
            database: database, hasher: hasher, links: database.links, makerCheck: linkMakerCheck, spending: spending,
            changePassword: changePassword)
        signIn = SignIn(database: database, sessions: database.sessions, throttle: database.attemptThrottle, spending: spending, lifetime: lifetime)
        signOut = SignOut(database: database, sessions: database.sessions)
    }
}

/// The account writes that need no password: what the command line's `user` commands call, and the web through
/// ``AccountUseCases``.
public struct AccountAdministration: Sendable {
    public let createAccount: CreateAccount
    public let disableAccount: DisableAccount
    public let deleteAccount: DeleteAccount
    public let changeRole: ChangeRole

    public init(database: AppDatabase, policy: AccessPolicy) {
        changeRole = ChangeRole(database: database, accounts: database.accounts, policy: policy)
        createAccount = CreateAccount(database: database, accounts: database.accounts, links: database.links, changeRole: changeRole)
        disableAccount = DisableAccount(database: database, accounts: database.accounts, sessions: database.sessions)
        deleteAccount = DeleteAccount(database: database, accounts: database.accounts, links: database.links)
    }
}
