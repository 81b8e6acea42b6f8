import Foundation
import Hummingbird
import MaillageCore
import MaillageImport
import MaillageStorage

/// Signing in and out, and one's own account: `/connexion`, `/deconnexion`, `/compte` (roles, password, sign out
/// everywhere). Failed sign-ins are slowed down per e-mail and address and answered with the same message whether the
/// e-mail exists or not; the session id is new at every sign-in.
struct AccountController {
    let accounts: AccountRepository
    let sessions: SessionRepository
    let declarations: DeclarationRepository
    let recoveryCodes: RecoveryCodeRepository
    let throttle: AttemptThrottle
    /// The second factor's checks (the app's code or a recovery code).
    let secondFactor: SecondFactorCheck
    let pages: PageRenderer
    let gate: AccessGate
    let hasher: PasswordHasher
    let secureCookies: Bool
    /// The structures, to name a member's.
    let index: any StructureDirectoryReading
    /// Every write on accounts and sessions.
    let useCases: AccountUseCases

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
        let credentials = try await accounts.credentials(email: email)
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
        var proof: SecondFactorProof?
        if matches, let account = credentials?.account, account.hasSecondFactor {
            proof = try await secondFactor.proof(code, accountID: account.id, now: now)
        }
        let secondFactorOK = credentials?.account.hasSecondFactor != true || proof != nil
        guard matches, secondFactorOK, let account = credentials?.account, let actor = account.actor else {
            try await useCases.signIn.refuse(accountID: credentials?.account.id, now: now)
            var page = pages.render(SignInPage(returnTo: returnTo, error: Self.failure), for: context.visitor)
            page.status = .unauthorized
            return try page.response(from: request, context: context)
        }
        let opened = try await useCases.signIn.open(
            for: account, as: actor, proof: proof, replacing: context.visitor.sessionToken, keys: keys,
            now: now)
        guard let token = opened else {  // a code already used: a replay
            var page = pages.render(SignInPage(returnTo: returnTo, error: Self.failure), for: context.visitor)
            page.status = .unauthorized
            return try page.response(from: request, context: context)
        }
        var response = Response.redirect(to: returnTo ?? SiteURL.account.path, type: .found)
        response.setCookie(Cookies.make(Cookies.session, token, secure: secureCookies))
        return response
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        if let token = context.visitor.sessionToken, let actor = context.visitor.actor { try await useCases.signOut(token, of: actor) }
        var response = Response.redirect(to: SiteURL.home.path, type: .found)
        response.setCookie(Cookies.clear(Cookies.session, secure: secureCookies))
        return response
    }

    @Sendable func account(request: Request, context: AppRequestContext) async throws -> HTML {
        let actor = try gate.signedIn(request, context)
        guard let account = try await accounts.find(id: actor.accountID) else { throw SignInRequired(returnTo: request.uri.path) }
        let sessions = try await sessions.count(accountID: actor.accountID, now: Date())
        let structures = actor.grants.compactMap { grant -> Structure? in
            if grant.role == .membre, case .structure(let id) = grant.scope { index.structures[id] } else { nil }
        }
        let declarations = try await declarations.list(.init(authorID: actor.accountID, limit: 50))
        let recoveryCodes = try await recoveryCodes.remaining(for: account.id)
        return pages.render(
            AccountPage(
                account: account, sessions: sessions, message: AccountMessage(rawValue: try QueryReader(request).single("message") ?? ""),
                offersSecondFactor: gate.allows(context, .useSecondFactor), recoveryCodes: recoveryCodes, structures: structures,
                declarations: declarations), for: context.visitor)
    }

    @Sendable func changePassword(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let reader = try await QueryReader.form(request)
        let current = try reader.text(AccountFormField.actuel, maximumLength: PasswordRules.maximumLength) ?? ""
        let new = try reader.text(AccountFormField.nouveau, maximumLength: PasswordRules.maximumLength + 1) ?? ""
        guard let account = try await accounts.find(id: actor.accountID),
            try await check.password(
                current, matches: try await accounts.passwordHash(of: account.id),
                keys: SecretCheck.currentPasswordKeys(account, context))
        else {
            throw HTTPError(.forbidden, message: "Le mot de passe actuel n'est pas le bon : rien n'a été changé.")
        }
        try await throttle.succeeded(SecretCheck.currentPasswordKeys(account, context))
        guard new == (try reader.text(AccountFormField.confirmation, maximumLength: PasswordRules.maximumLength + 1) ?? "") else {
            throw ParameterError(parameter: "confirmation", message: "Les deux saisies du nouveau mot de passe diffèrent : rien n'a été changé.")
        }
        if let refusal = PasswordRules.refusal(of: new, email: account.email) {
            throw ParameterError(parameter: "nouveau", message: "Le nouveau mot de passe doit avoir \(refusal) : rien n'a été changé.")
        }
        let token = try await useCases.changePassword(new, for: account.id, by: Author(actor))
        var response = Response.redirect(to: AccountMessage.passwordChanged.url, type: .found)
        response.setCookie(Cookies.make(Cookies.session, token, secure: secureCookies))
        return response
    }

    @Sendable func signOutEverywhere(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        try await useCases.signOut.everywhere(actor)
        var response = Response.redirect(to: SiteURL.signIn.path, type: .found)
        response.setCookie(Cookies.clear(Cookies.session, secure: secureCookies))
        return response
    }

    @Sendable func secondFactorForm(request: Request, context: AppRequestContext) async throws -> HTML {
        let actor = try gate.require(.useSecondFactor, request, context)
        guard let account = try await accounts.find(id: actor.accountID) else { throw SignInRequired(returnTo: request.uri.path) }
        return pages.render(SecondFactorPage(account: account, secret: SecondFactorCode.makeSecret(), error: nil), for: context.visitor)
    }

    @Sendable func turnSecondFactorOn(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.require(.useSecondFactor, request, context)
        let reader = try await QueryReader.form(request)
        guard let secret = try reader.single(AccountFormField.secret), secret.count == 20,
            secret.allSatisfy({ "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) }),
            let account = try await accounts.find(id: actor.accountID)
        else {
            throw ParameterError(parameter: "secret", message: "La clé a été altérée : recommencez depuis votre compte.")
        }
        guard let step = SecondFactorCode.matchingStep(try reader.single(AccountFormField.code) ?? "", secret: secret, now: Date()) else {
            var page = pages.render(
                SecondFactorPage(
                    account: account, secret: secret, error: "Ce code ne correspond pas : vérifiez l'heure du téléphone et recommencez."),
                for: context.visitor)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        }
        let codes = try await useCases.turnSecondFactorOn(secret: secret, step: step, for: account.id, by: Author(actor))
        return try showOnce(RecoveryCodesPage(codes: codes, heading: "Second facteur activé"), request, context)
    }

    @Sendable func turnSecondFactorOff(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.signedIn(request, context)
        let reader = try await QueryReader.form(request)
        let password = try reader.text(AccountFormField.motDePasse, maximumLength: PasswordRules.maximumLength) ?? ""
        guard let account = try await accounts.find(id: actor.accountID) else { throw SignInRequired(returnTo: SiteURL.account.path) }
        guard account.hasSecondFactor else { return .redirect(to: AccountMessage.secondFactorOff.url, type: .found) }
        let keys = SecretCheck.currentPasswordKeys(account, context)
        guard try await check.password(password, matches: try await accounts.passwordHash(of: account.id), keys: keys) else {
            throw HTTPError(.forbidden, message: "Le mot de passe n'est pas le bon : le second facteur reste actif.")
        }
        // The password alone does not turn it off: a current code of the app, or a recovery code, too — checked under
        // the attempt the password counted (one attempt for the pair, as at sign-in).
        let now = Date()
        guard let proof = try await secondFactor.proof(try reader.single(AccountFormField.code) ?? "", accountID: account.id, now: now) else {
            throw SecondFactorCheck.wrongCode
        }
        try await useCases.turnSecondFactorOff(for: account, proof: proof, keys: keys, by: Author(actor), now: now)
        return .redirect(to: AccountMessage.secondFactorOff.url, type: .found)
    }

    /// New recovery codes for a lost list, against a current code (of the app, or one of the old recovery codes).
    @Sendable func renewRecoveryCodes(request: Request, context: AppRequestContext) async throws -> Response {
        let actor = try gate.require(.useSecondFactor, request, context)
        guard let account = try await accounts.find(id: actor.accountID), account.hasSecondFactor else {
            throw HTTPError(.forbidden, message: "Le second facteur n'est pas actif : les codes de secours viennent avec lui.")
        }
        let now = Date()
        let proof = try await secondFactor.require(
            try await QueryReader.form(request).single(AccountFormField.code) ?? "", of: account,
            address: context.clientAddress, now: now)
        let codes = try await useCases.renewRecoveryCodes(for: account, proof: proof, by: Author(actor), now: now)
        return try showOnce(RecoveryCodesPage(codes: codes, heading: "Nouveaux codes de secours"), request, context)
    }

    /// A page shown once (recovery codes): never kept by a cache.
    private func showOnce(_ page: RecoveryCodesPage, _ request: Request, _ context: AppRequestContext) throws -> Response {
        var response = try pages.render(page, for: context.visitor).response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// Every password and code check counts its attempt first, through the throttle (``SecretCheck``).
    var check: SecretCheck { SecretCheck(throttle: throttle, hasher: hasher) }

    /// What every failed sign-in says, whatever failed: nothing tells whether the e-mail exists.
    static let failure = "E-mail, mot de passe ou code incorrect."

    /// A page with a form, for a visitor who may not have a session (``PageRenderer/formPage(_:_:_:secureCookies:)``).
    func formPage(_ page: some PageModel, _ request: Request, _ context: AppRequestContext) throws -> Response {
        try pages.formPage(page, request, context, secureCookies: secureCookies)
    }

    /// A return address only if it is a path of this site: printable ASCII without spaces, one `/` first and no `\`,
    /// also once percent-decoded — nothing a browser could read as another host (`//host`, `/\host`, `/\t/host`).
    static func safeReturn(_ text: String?) -> String? {
        guard let text, text.utf8.count <= 200, let decoded = text.removingPercentEncoding,
            [text, decoded].allSatisfy({
                $0.hasPrefix("/") && !$0.hasPrefix("//") && !$0.contains("\\")
                    && $0.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
            })
        else { return nil }
        return text
    }
}
