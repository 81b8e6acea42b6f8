import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage
import SQLKit

/// Signing in and out, and one's own account: `/connexion`, `/deconnexion`, `/compte` (roles, password, sign out
/// everywhere). Failed sign-ins are slowed down per e-mail and address and answered with the same message whether the
/// e-mail exists or not; the session id is new at every sign-in.
struct AccountController {
    let database: AppDatabase
    let pages: PageRenderer
    let gate: AccessGate
    let hasher: PasswordHasher
    let lifetime: SessionRepository.Lifetime
    let secureCookies: Bool
    let index: IndexStore

    func register(on router: Router<AppRequestContext>) {
        router.get(.signIn, use: signInForm)
        router.post(.signIn, use: signIn)
        router.post(.signOut, use: signOut)
        router.get(.account, use: account)
        router.post(.accountPassword, use: changePassword)
        router.post(.signOutEverywhere, use: signOutEverywhere)
        router.get(.secondFactor, use: secondFactorForm)
        router.post(.secondFactor, use: turnSecondFactorOn)
        router.post(.secondFactorOff, use: turnSecondFactorOff)
        router.post(.recoveryCodes, use: renewRecoveryCodes)
    }

    /// The second factor's checks (the app's code or a recovery code).
    var secondFactor: SecondFactorCheck { SecondFactorCheck(database: database) }

    @Sendable func signInForm(request: Request, context: AppRequestContext) async throws -> Response {
        if context.visitor.actor != nil { return .redirect(to: SiteURL.account.path, type: .found) }
        let returnTo = Self.safeReturn(try QueryReader(request).single(AccountFormField.retour))
        return try formPage(SignInPage(returnTo: returnTo, error: nil), request, context)
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let email = (try reader.single(AccountFormField.email) ?? "").lowercased()
        let password = try reader.text(AccountFormField.motDePasse, maximumLength: PasswordRules.maximumLength) ?? ""
        let code = try reader.single(AccountFormField.code) ?? ""
        let returnTo = Self.safeReturn(try reader.single(AccountFormField.retour))
        let keys = AttemptThrottle.signIn(email: email, address: context.clientAddress ?? "inconnue")
        let now = Date()
        let credentials = try await database.accounts.credentials(email: email)
        let matches: Bool
        do {
            matches = try await check.password(password, matches: credentials?.passwordHash, keys: keys, now: now)
        } catch let refusal as HTTPError where refusal.status == .tooManyRequests {  // too many attempts, or too many hashes at once
            var page = pages.render(SignInPage(returnTo: returnTo, error: refusal.body), for: context.visitor)
            page.status = .tooManyRequests
            return ErrorMiddleware.keepingHeaders(of: refusal, try page.response(from: request, context: context))
        }
        // With a second factor, the code must match a time step not used before, or an unused recovery code (spent when
        // the session is made).
        var proof: SecondFactorCheck.Proof?
        if matches, let account = credentials?.account, account.hasSecondFactor {
            proof = try await secondFactor.proof(code, accountID: account.id, now: now)
        }
        let secondFactorOK = credentials?.account.hasSecondFactor != true || proof != nil
        guard matches, secondFactorOK, let account = credentials?.account, let actor = account.actor else {
            let accountID = credentials?.account.id
            try await database.transaction { db in
                try await AuditRepository.record(AuditEvent(at: now, actorID: nil, actorLabel: "inconnu", action: "connexion refusée",
                                                            objectKind: AuditKinds.account, objectID: accountID.map(String.init) ?? "adresse inconnue"),
                                                 on: db)
            }
            var page = pages.render(SignInPage(returnTo: returnTo, error: Self.failure), for: context.visitor)
            page.status = .unauthorized
            return try page.response(from: request, context: context)
        }
        let (sessions, throttle, lifetime, old, factor, usedProof) = (database.sessions, database.attemptThrottle, lifetime, context.visitor.sessionToken,
                                                                      secondFactor, proof)
        let token = try await database.transaction { db -> String? in
            guard try await factor.spend(usedProof, of: account, now: now, on: db) else { return nil }
            if let old { try await sessions.delete(token: old, on: db) }
            try await throttle.succeeded(keys, on: db)
            try await AuditRepository.record(AuditEvent(at: now, by: Author(actor), action: "connexion",
                                                        objectKind: AuditKinds.session, objectID: String(actor.accountID)), on: db)
            return try await sessions.create(accountID: actor.accountID, now: now, lifetime: lifetime, on: db).token
        }
        guard let token else {  // a code already used: a replay
            var page = pages.render(SignInPage(returnTo: returnTo, error: Self.failure), for: context.visitor)
            page.status = .unauthorized
            return try page.response(from: request, context: context)
        }
        var response = Response.redirect(to: returnTo ?? SiteURL.account.path, type: .found)
        response.setCookie(Cookies.make(Cookies.session, token, secure: secureCookies))
        return response
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        if let token = context.visitor.sessionToken, let actor = context.visitor.actor {
            let sessions = database.sessions
            try await database.transaction { db in
                try await sessions.delete(token: token, on: db)
                try await AuditRepository.record(AuditEvent(at: Date(), by: Author(actor), action: "déconnexion",
                                                            objectKind: AuditKinds.session, objectID: String(actor.accountID)), on: db)
            }
        }
        var response = Response.redirect(to: SiteURL.home.path, type: .found)
        response.setCookie(Cookies.clear(Cookies.session, secure: secureCookies))
        return response
    }

    @Sendable func account(request: Request, context: AppRequestContext) async throws -> HTML {
        let actor = try gate.signedIn(request, context)
        guard let account = try await database.accounts.find(id: actor.accountID) else { throw SignInRequired(returnTo: request.uri.path) }
        let sessions = try await database.sessions.count(accountID: actor.accountID, now: Date())
        let structures = actor.grants.compactMap { grant -> Structure? in
            if grant.role == .membre, case .structure(let id) = grant.scope { index.structures[id] } else { nil }
        }
        let declarations = try await database.declarations.list(.init(authorID: actor.accountID, limit: 50))
        let recoveryCodes = try await database.recoveryCodes.remaining(for: account.id)
        return pages.render(AccountPage(account: account, sessions: sessions, message: AccountMessage(rawValue: try QueryReader(request).single("message") ?? ""),
                                        offersSecondFactor: gate.allows(context, .useSecondFactor), recoveryCodes: recoveryCodes, structures: structures,
                                        declarations: declarations), for: context.visitor)
    }

    @Sendable func changePassword(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let reader = try await QueryReader.form(request)
        let current = try reader.text(AccountFormField.actuel, maximumLength: PasswordRules.maximumLength) ?? ""
        let new = try reader.text(AccountFormField.nouveau, maximumLength: PasswordRules.maximumLength + 1) ?? ""
        guard let account = try await database.accounts.find(id: actor.accountID),
              try await check.password(current, matches: try await database.accounts.passwordHash(of: account.id),
                                       keys: currentPasswordKeys(account, context)) else {
            throw HTTPError(.forbidden, message: "Le mot de passe actuel n'est pas le bon : rien n'a été changé.")
        }
        try await database.attemptThrottle.succeeded(currentPasswordKeys(account, context))
        guard new == (try reader.text(AccountFormField.confirmation, maximumLength: PasswordRules.maximumLength + 1) ?? "") else {
            throw ParameterError(parameter: "confirmation", message: "Les deux saisies du nouveau mot de passe diffèrent : rien n'a été changé.")
        }
        if let refusal = PasswordRules.refusal(of: new, email: account.email) {
            throw ParameterError(parameter: "nouveau", message: "Le nouveau mot de passe doit avoir \(refusal) : rien n'a été changé.")
        }
        let token = try await setPassword(new, for: account, by: Author(actor), action: "mot de passe changé")
        var response = Response.redirect(to: AccountMessage.passwordChanged.url, type: .found)
        response.setCookie(Cookies.make(Cookies.session, token, secure: secureCookies))
        return response
    }

    @Sendable func signOutEverywhere(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let sessions = database.sessions
        try await database.transaction { db in
            let ended = try await sessions.deleteAll(accountID: actor.accountID, on: db)
            try await AuditRepository.record(AuditEvent(at: Date(), by: Author(actor), action: "déconnexion partout",
                                                        objectKind: AuditKinds.session, objectID: String(actor.accountID), after: "\(ended) session(s)"), on: db)
        }
        var response = Response.redirect(to: SiteURL.signIn.path, type: .found)
        response.setCookie(Cookies.clear(Cookies.session, secure: secureCookies))
        return response
    }

    @Sendable func secondFactorForm(request: Request, context: AppRequestContext) async throws -> HTML {
        let actor = try gate.require(.useSecondFactor, request, context)
        guard let account = try await database.accounts.find(id: actor.accountID) else { throw SignInRequired(returnTo: request.uri.path) }
        return pages.render(SecondFactorPage(account: account, secret: SecondFactorCode.makeSecret(), error: nil), for: context.visitor)
    }

    @Sendable func turnSecondFactorOn(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.require(.useSecondFactor, request, context)
        let reader = try await QueryReader.form(request)
        guard let secret = try reader.single(AccountFormField.secret), secret.count == 20, secret.allSatisfy({ "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) }),
              let account = try await database.accounts.find(id: actor.accountID) else {
            throw ParameterError(parameter: "secret", message: "La clé a été altérée : recommencez depuis votre compte.")
        }
        guard let step = SecondFactorCode.matchingStep(try reader.single(AccountFormField.code) ?? "", secret: secret, now: Date()) else {
            var page = pages.render(SecondFactorPage(account: account, secret: secret, error: "Ce code ne correspond pas : vérifiez l'heure du téléphone et recommencez."),
                                    for: context.visitor)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        }
        let (accounts, recoveryCodes, now) = (database.accounts, database.recoveryCodes, Date())
        let codes = try await database.transaction { db in
            // Replacing the key of an active second factor would skip the code that turning it off asks.
            guard try await accounts.find(id: account.id, on: db)?.hasSecondFactor == false else {
                throw HTTPError(.conflict, message: "Le second facteur est déjà actif : désactivez-le d'abord (avec un code), puis recommencez.")
            }
            try await accounts.setSecondFactor(secret: secret, for: account.id, on: db)
            _ = try await accounts.useSecondFactorStep(step, for: account.id, on: db)
            try await AuditRepository.record(AuditEvent(at: now, by: Author(actor), action: "second facteur activé",
                                                        objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
            return try await Self.newRecoveryCodes(for: account.id, by: actor, now: now, recoveryCodes: recoveryCodes, on: db)
        }
        return try showOnce(RecoveryCodesPage(codes: codes, heading: "Second facteur activé"), request, context)
    }

    @Sendable func turnSecondFactorOff(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let reader = try await QueryReader.form(request)
        let password = try reader.text(AccountFormField.motDePasse, maximumLength: PasswordRules.maximumLength) ?? ""
        guard let account = try await database.accounts.find(id: actor.accountID) else { throw SignInRequired(returnTo: SiteURL.account.path) }
        guard account.hasSecondFactor else { return .redirect(to: AccountMessage.secondFactorOff.url, type: .found) }
        let keys = currentPasswordKeys(account, context)
        guard try await check.password(password, matches: try await database.accounts.passwordHash(of: account.id), keys: keys) else {
            throw HTTPError(.forbidden, message: "Le mot de passe n'est pas le bon : le second facteur reste actif.")
        }
        // The password alone does not turn it off: a current code of the app, or a recovery code, too — checked under
        // the attempt the password counted (one attempt for the pair, as at sign-in).
        let now = Date()
        guard let proof = try await secondFactor.proof(try reader.single(AccountFormField.code) ?? "", accountID: account.id, now: now) else {
            throw SecondFactorCheck.wrongCode
        }
        let (accounts, recoveryCodes, factor, throttle) = (database.accounts, database.recoveryCodes, secondFactor, database.attemptThrottle)
        try await database.transaction { db in
            guard try await factor.spend(proof, of: account, now: now, on: db) else { throw SecondFactorCheck.wrongCode }
            try await accounts.setSecondFactor(secret: nil, for: account.id, on: db)
            try await recoveryCodes.delete(for: account.id, on: db)
            try await throttle.succeeded(keys, on: db)
            try await AuditRepository.record(AuditEvent(at: now, by: Author(actor), action: "second facteur désactivé",
                                                        objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
        }
        return .redirect(to: AccountMessage.secondFactorOff.url, type: .found)
    }

    /// New recovery codes for a lost list, against a current code (of the app, or one of the old recovery codes).
    @Sendable func renewRecoveryCodes(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.require(.useSecondFactor, request, context)
        guard let account = try await database.accounts.find(id: actor.accountID), account.hasSecondFactor else {
            throw HTTPError(.forbidden, message: "Le second facteur n'est pas actif : les codes de secours viennent avec lui.")
        }
        let now = Date()
        let proof = try await secondFactor.require(try await QueryReader.form(request).single(AccountFormField.code) ?? "", of: account,
                                                   address: context.clientAddress, now: now)
        let (recoveryCodes, check) = (database.recoveryCodes, secondFactor)
        let codes = try await database.transaction { db in
            guard try await check.spend(proof, of: account, now: now, on: db) else { throw SecondFactorCheck.wrongCode }
            return try await Self.newRecoveryCodes(for: account.id, by: actor, now: now, recoveryCodes: recoveryCodes, on: db)
        }
        return try showOnce(RecoveryCodesPage(codes: codes, heading: "Nouveaux codes de secours"), request, context)
    }

    /// Replaces a person's recovery codes inside the caller's transaction, and says so in the journal; returns them.
    private static func newRecoveryCodes(for accountID: Int, by actor: Actor, now: Date, recoveryCodes: RecoveryCodeRepository,
                                         on db: any SQLDatabase) async throws -> [String] {
        let codes = try await recoveryCodes.replace(for: accountID, now: now, on: db)
        try await AuditRepository.record(AuditEvent(at: now, by: Author(actor), action: "codes de secours générés",
                                                    objectKind: AuditKinds.account, objectID: String(accountID), after: "\(codes.count) codes"), on: db)
        return codes
    }

    /// A page shown once (recovery codes): never kept by a cache.
    private func showOnce(_ page: RecoveryCodesPage, _ request: Request, _ context: AppRequestContext) throws -> Response {
        var response = try pages.render(page, for: context.visitor).response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// Every password and code check counts its attempt first, through the throttle (``SecretCheck``).
    var check: SecretCheck { SecretCheck(throttle: database.attemptThrottle, hasher: hasher) }

    /// A signed-in person's current password counts with their sign-ins from the same address: one allowance for both.
    func currentPasswordKeys(_ account: AccountRepository.Account, _ context: AppRequestContext) -> [AttemptThrottle.Key] {
        AttemptThrottle.signIn(email: account.email, address: context.clientAddress ?? "inconnue")
    }

    /// What every failed sign-in says, whatever failed: nothing tells whether the e-mail exists.
    static let failure = "E-mail, mot de passe ou code incorrect."

    /// Sets a password, ends every session of the person and opens a new one, in one transaction; returns its token.
    /// `first` runs at the start of that transaction (using a link, spending a second factor): when it throws, nothing
    /// changes.
    func setPassword(_ password: String, for account: AccountRepository.Account, by author: Author, action: String, now: Date = Date(),
                     first: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in }) async throws -> String {
        let hash = try await hasher.hash(password)
        let (accounts, sessions, lifetime) = (database.accounts, database.sessions, lifetime)
        return try await database.transaction { db in
            try await first(db)
            try await accounts.setPassword(hash: hash, for: account.id, now: now, on: db)
            try await sessions.deleteAll(accountID: account.id, on: db)
            try await AuditRepository.record(AuditEvent(at: now, by: author, action: action,
                                                        objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
            return try await sessions.create(accountID: account.id, now: now, lifetime: lifetime, on: db).token
        }
    }

    /// A page with a form, for a visitor who may not have a session (``PageRenderer/formPage(_:_:_:secureCookies:)``).
    func formPage(_ page: some PageModel, _ request: Request, _ context: AppRequestContext) throws -> Response {
        try pages.formPage(page, request, context, secureCookies: secureCookies)
    }

    /// A return address only if it is a path of this site: printable ASCII without spaces, one `/` first and no `\`,
    /// also once percent-decoded — nothing a browser could read as another host (`//host`, `/\host`, `/\t/host`).
    static func safeReturn(_ text: String?) -> String? {
        guard let text, text.utf8.count <= 200, let decoded = text.removingPercentEncoding,
              [text, decoded].allSatisfy({ $0.hasPrefix("/") && !$0.hasPrefix("//") && !$0.contains("\\")
                  && $0.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) } }) else { return nil }
        return text
    }
}
