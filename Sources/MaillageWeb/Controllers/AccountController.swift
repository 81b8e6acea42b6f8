import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

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
    }

    @Sendable func signInForm(request: Request, context: AppRequestContext) async throws -> Response {
        if context.visitor.actor != nil { return .redirect(to: SiteURL.account.path, type: .found) }
        let returnTo = Self.safeReturn(try QueryReader(request).single("retour"))
        return try formPage(SignInPage(returnTo: returnTo, error: nil), request, context)
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let email = (try reader.single("email") ?? "").lowercased()
        let password = try reader.text("mot_de_passe", maximumLength: PasswordRules.maximumLength) ?? ""
        let code = try reader.single("code") ?? ""
        let returnTo = Self.safeReturn(try reader.single("retour"))
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
        // With a second factor, the code must match a time step not used before (checked again when the session is made).
        var step: Int?
        if matches, let account = credentials?.account, account.hasSecondFactor, let secret = try await database.accounts.secondFactorSecret(of: account.id) {
            step = SecondFactorCode.matchingStep(code, secret: secret, now: now)
        }
        let secondFactorOK = credentials?.account.hasSecondFactor != true || step != nil
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
        let (sessions, throttle, lifetime, old, accounts, usedStep) = (database.sessions, database.attemptThrottle, lifetime, context.visitor.sessionToken,
                                                                       database.accounts, step)
        let token = try await database.transaction { db -> String? in
            if let usedStep, try await !accounts.useSecondFactorStep(usedStep, for: actor.accountID, on: db) { return nil }
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
        return pages.render(AccountPage(account: account, sessions: sessions, message: try QueryReader(request).single("message"),
                                        offersSecondFactor: gate.allows(context, .useSecondFactor), structures: structures,
                                        declarations: declarations), for: context.visitor)
    }

    @Sendable func changePassword(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let reader = try await QueryReader.form(request)
        let current = try reader.text("actuel", maximumLength: PasswordRules.maximumLength) ?? ""
        let new = try reader.text("nouveau", maximumLength: PasswordRules.maximumLength + 1) ?? ""
        guard let account = try await database.accounts.find(id: actor.accountID),
              try await check.password(current, matches: try await database.accounts.passwordHash(of: account.id),
                                       keys: currentPasswordKeys(account, context)) else {
            throw HTTPError(.forbidden, message: "Le mot de passe actuel n'est pas le bon : rien n'a été changé.")
        }
        try await database.attemptThrottle.succeeded(currentPasswordKeys(account, context))
        guard new == (try reader.text("confirmation", maximumLength: PasswordRules.maximumLength + 1) ?? "") else {
            throw ParameterError(parameter: "confirmation", message: "Les deux saisies du nouveau mot de passe diffèrent : rien n'a été changé.")
        }
        if let refusal = PasswordRules.refusal(of: new, email: account.email) {
            throw ParameterError(parameter: "nouveau", message: "Le nouveau mot de passe doit avoir \(refusal) : rien n'a été changé.")
        }
        let token = try await setPassword(new, for: account, by: Author(actor), action: "mot de passe changé")
        var response = Response.redirect(to: SiteURL.account.path(query: [("message", "Mot de passe changé ; vos autres sessions sont fermées.")]),
                                         type: .found)
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
        guard let secret = try reader.single("secret"), secret.count == 20, secret.allSatisfy({ "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) }),
              let account = try await database.accounts.find(id: actor.accountID) else {
            throw ParameterError(parameter: "secret", message: "La clé a été altérée : recommencez depuis votre compte.")
        }
        guard let step = SecondFactorCode.matchingStep(try reader.single("code") ?? "", secret: secret, now: Date()) else {
            var page = pages.render(SecondFactorPage(account: account, secret: secret, error: "Ce code ne correspond pas : vérifiez l'heure du téléphone et recommencez."),
                                    for: context.visitor)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        }
        let accounts = database.accounts
        try await database.transaction { db in
            try await accounts.setSecondFactor(secret: secret, for: account.id, on: db)
            _ = try await accounts.useSecondFactorStep(step, for: account.id, on: db)
            try await AuditRepository.record(AuditEvent(at: Date(), by: Author(actor), action: "second facteur activé",
                                                        objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
        }
        return .redirect(to: SiteURL.account.path(query: [("message", "Second facteur activé : la connexion demandera désormais un code.")]), type: .found)
    }

    @Sendable func turnSecondFactorOff(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let password = try await QueryReader.form(request).text("mot_de_passe", maximumLength: PasswordRules.maximumLength) ?? ""
        guard let account = try await database.accounts.find(id: actor.accountID),
              try await check.password(password, matches: try await database.accounts.passwordHash(of: account.id),
                                       keys: currentPasswordKeys(account, context)) else {
            throw HTTPError(.forbidden, message: "Le mot de passe n'est pas le bon : le second facteur reste actif.")
        }
        let accounts = database.accounts
        try await database.transaction { db in
            try await accounts.setSecondFactor(secret: nil, for: account.id, on: db)
            try await AuditRepository.record(AuditEvent(at: Date(), by: Author(actor), action: "second facteur désactivé",
                                                        objectKind: AuditKinds.account, objectID: String(account.id)), on: db)
        }
        return .redirect(to: SiteURL.account.path(query: [("message", "Second facteur désactivé.")]), type: .found)
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
    func setPassword(_ password: String, for account: AccountRepository.Account, by author: Author, action: String) async throws -> String {
        let hash = try await hasher.hash(password)
        let (accounts, sessions, lifetime) = (database.accounts, database.sessions, lifetime)
        let now = Date()
        return try await database.transaction { db in
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

    /// A return address only if it is a path of this site (never another site's URL).
    static func safeReturn(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), text.count <= 200 else { return nil }
        return text
    }
}
