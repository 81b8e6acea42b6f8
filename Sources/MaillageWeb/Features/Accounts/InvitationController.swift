import Foundation
import Hummingbird
import MaillageCore
import MaillageImport
import MaillageStorage

/// Invitations and password resets, without a mail server: the inviter gets a single-use link (7 days) to copy or send
/// with a prefilled `mailto:`; following it sets the password (and the name, for a new person) and signs in.
struct InvitationController {
    let accounts: AccountRepository
    let links: OneTimeLinkRepository
    /// The second factor's checks, for a reset link of an account with one.
    let secondFactor: SecondFactorCheck
    let pages: PageRenderer
    let gate: AccessGate
    /// Every write on accounts, invitations and sessions.
    let useCases: AccountUseCases
    /// The check of an existing person's current password (throttled with the sign-ins).
    let check: SecretCheck
    let secureCookies: Bool
    /// The site's own address, from its configuration (never from a request's `Host`): links given are made from it.
    let siteURL: String
    let delivery: any LinkDelivery
    /// The name of an EPCI, for the territory choices.
    let territoryName: @Sendable (Siren) -> String?

    func register(on router: Router<AppRequestContext>) {
        router.get(.invitations, use: list)
        router.post(.invitations, use: invite)
        router.get(.invitation(.key), use: acceptForm)
        router.post(.invitation(.key), use: accept)
        router.post(.resetLink(.key), use: makeResetLink)
        router.post(.revokeRole(.key), use: revokeRole)
        router.get(.reset(.key), use: resetForm)
        router.post(.reset(.key), use: reset)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        let actor = try gate.signedIn(request, context)
        let pending = try await links.pendingInvitations(now: Date()).filter { gate.policy.allows(actor, .invite($0.grant)) }
        let people = try await accounts.all().filter { account in
            account.id != actor.accountID
                && (gate.policy.allows(actor, .resetPassword(of: account.grants))
                    || account.grants.contains { gate.policy.allows(actor, .manageRole($0)) })
        }
        return pages.render(
            InvitationsPage(
                actor: actor, pending: pending, people: people, policy: gate.policy,
                territoryName: territoryName), for: context.visitor)
    }

    @Sendable func invite(request: Request, context: AppRequestContext) async throws -> HTML {
        let reader = try await QueryReader.form(request)
        guard let email = AccountRepository.normalized(email: try reader.single(InvitationFormField.email) ?? "") else {
            throw ParameterError(parameter: "email", message: "Il faut une adresse e-mail valide : rien n'a été créé.")
        }
        guard let role = Role(rawValue: try reader.single(InvitationFormField.role) ?? ""), role != .administrateur else {
            throw ParameterError(parameter: "role", message: "Il faut choisir un rôle : rien n'a été créé.")
        }
        let scopeValue = try reader.single(role.scopeKind == .structure ? InvitationFormField.structure.rawValue : "territoire") ?? ""
        guard let scope = Scope(kind: role.scopeKind, value: scopeValue), let grant = RoleGrant(role: role, scope: scope) else {
            throw ParameterError(parameter: "territoire", message: "Il faut le territoire (SIREN) ou la structure du rôle : rien n'a été créé.")
        }
        let actor = try gate.require(.invite(grant), request, context)
        let token = try await useCases.invite(email, to: grant, by: actor)
        let link = absolute(SiteURL.invitation(.value(token)).path)
        let body =
            "Bonjour,\n\nJe vous invite à rejoindre Maillage (\(grant)). Ce lien est valable 7 jours et ne sert qu'une fois :\n\(link)\n\n\(actor.name)"
        return try await notice(
            LinkMessage(to: email, subject: "Invitation à Maillage", body: body, link: link),
            title: "Invitation créée", context: context)
    }

    @Sendable func acceptForm(request: Request, context: AppRequestContext) async throws -> Response {
        let (token, link) = try await usableLink(context, purpose: .invitation)
        let account = try await accounts.find(email: link.email)
        try AcceptInvitation.refuseAccountAwaitingItsOwnLink(account)
        if let account, account.hasPassword {
            // An existing person accepts a new role signed in as themselves.
            guard context.visitor.actor?.accountID == account.id else { throw SignInRequired(returnTo: request.uri.path) }
        }
        return try formPage(
            ChoosePasswordPage(
                title: "Invitation — Maillage", heading: "Rejoindre Maillage",
                explanation: "Vous êtes invité comme \(link.grant?.description ?? "participant"). "
                    + (account?.hasPassword == true ? "Confirmez avec votre mot de passe actuel." : "Choisissez votre mot de passe."),
                action: SiteURL.invitation(.value(token)).path, asksName: account == nil, email: link.email), request, context)
    }

    @Sendable func accept(request: Request, context: AppRequestContext) async throws -> Response {
        let (token, link) = try await usableLink(context, purpose: .invitation)
        let reader = try await QueryReader.form(request)
        let password = try choosePassword(reader, email: link.email)
        let account = try await accounts.find(email: link.email)
        try AcceptInvitation.refuseAccountAwaitingItsOwnLink(account)
        if let existing = account, existing.hasPassword {
            guard context.visitor.actor?.accountID == existing.id,
                try await check.password(
                    password, matches: try await accounts.passwordHash(of: existing.id),
                    keys: SecretCheck.currentPasswordKeys(existing, context))
            else {
                throw HTTPError(.forbidden, message: "Connectez-vous avec ce compte et confirmez votre mot de passe actuel.")
            }
        }
        let session = try await useCases.acceptInvitation(token: token, password: password, name: try reader.single(AccountFormField.nom)).session
        var response = Response.redirect(to: AccountMessage.welcome.url, type: .found)
        response.setCookie(Cookies.make(Cookies.session, session, secure: secureCookies))
        return response
    }

    @Sendable func makeResetLink(request: Request, context: AppRequestContext) async throws -> HTML {
        guard let id = Int(try context.parameters.require("compte")), let target = try await accounts.find(id: id) else {
            throw HTTPError(.notFound, message: "Compte inconnu")
        }
        let actor = try gate.require(.resetPassword(of: target.grants), request, context)
        let token = try await useCases.makeResetLink(for: target, by: actor)
        let link = absolute(SiteURL.reset(.value(token)).path)
        let body =
            "Bonjour,\n\nVoici un lien pour choisir un nouveau mot de passe Maillage. Il est valable 7 jours et ne sert qu'une fois :\n\(link)\n\n\(actor.name)"
        return try await notice(
            LinkMessage(to: target.email, subject: "Nouveau mot de passe Maillage", body: body, link: link),
            title: "Lien de réinitialisation", context: context)
    }

    @Sendable func revokeRole(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = Int(try context.parameters.require("compte")), let target = try await accounts.find(id: id) else {
            throw HTTPError(.notFound, message: "Compte inconnu")
        }
        let reader = try await QueryReader.form(request)
        guard let role = Role(rawValue: try reader.single(InvitationFormField.role) ?? ""),
            let scope = Scope(kind: role.scopeKind, value: try reader.single(InvitationFormField.portee) ?? ""),
            let grant = RoleGrant(role: role, scope: scope), target.grants.contains(grant)
        else {
            throw ParameterError(parameter: "role", message: "Ce rôle n'est pas celui de la personne : rien n'a été changé.")
        }
        let actor = try gate.require(.manageRole(grant), request, context)
        try await useCases.changeRole(.takeAway, grant, of: target.id, by: Author(actor))
        return .redirect(to: SiteURL.invitations.path, type: .found)
    }

    @Sendable func resetForm(request: Request, context: AppRequestContext) async throws -> Response {
        let (token, link) = try await usableLink(context, purpose: .reset)
        var asksCode = false
        if let id = link.accountID { asksCode = try await accounts.find(id: id)?.hasSecondFactor == true }
        return try formPage(
            ChoosePasswordPage(
                title: "Nouveau mot de passe — Maillage", heading: "Choisir un nouveau mot de passe",
                explanation: "Vos sessions ouvertes seront fermées.", action: SiteURL.reset(.value(token)).path,
                asksName: false, email: link.email, asksCode: asksCode), request, context)
    }

    /// A new password from a reset link. For an account with a second factor the code (or a recovery code) is asked with
    /// it: the link is used, the code spent, the password set and the session opened together, or nothing is — a wrong
    /// code leaves the link usable (throttled like a sign-in).
    @Sendable func reset(request: Request, context: AppRequestContext) async throws -> Response {
        let (token, link) = try await usableLink(context, purpose: .reset)
        let reader = try await QueryReader.form(request)
        let password = try choosePassword(reader, email: link.email)
        guard let id = link.accountID, let account = try await accounts.find(id: id) else { throw AccountRefusal.linkGone }
        let now = Date()
        let proof = try await secondFactor.require(
            try reader.single(AccountFormField.code) ?? "", of: account,
            address: context.clientAddress, now: now)
        let session = try await useCases.resetPassword(token: token, password: password, for: account, proof: proof, now: now)
        var response = Response.redirect(to: AccountMessage.passwordReset.url, type: .found)
        response.setCookie(Cookies.make(Cookies.session, session, secure: secureCookies))
        return response
    }

    private func usableLink(_ context: AppRequestContext, purpose: OneTimeLinkRepository.Purpose) async throws -> (String, OneTimeLinkRepository.Link)
    {
        let token = try context.parameters.require("jeton")
        guard let link = try await links.find(token: token, now: Date()), link.purpose == purpose else { throw AccountRefusal.linkGone }
        guard try await useCases.linkMakerCheck.allows(link) else { throw AccountRefusal.linkWithdrawn }
        return (token, link)
    }

    private func choosePassword(_ reader: QueryReader, email: String) throws -> String {
        let password = try reader.text(AccountFormField.nouveau, maximumLength: PasswordRules.maximumLength + 1) ?? ""
        guard password == (try reader.text(AccountFormField.confirmation, maximumLength: PasswordRules.maximumLength + 1) ?? "") else {
            throw ParameterError(parameter: "confirmation", message: "Les deux saisies du mot de passe diffèrent : rien n'a été changé.")
        }
        if let refusal = PasswordRules.refusal(of: password, email: email) {
            throw ParameterError(parameter: "nouveau", message: "Le mot de passe doit avoir \(refusal) : rien n'a été changé.")
        }
        return password
    }

    /// A page with a form, for a visitor who may not have a session.
    private func formPage(_ page: some PageModel, _ request: Request, _ context: AppRequestContext) throws -> Response {
        try pages.formPage(page, request, context, secureCookies: secureCookies)
    }

    private func absolute(_ path: String) -> String { siteURL.trimmingSuffix("/") + path }

    /// Delivers the link and says how it went.
    private func notice(_ message: LinkMessage, title: String, context: AppRequestContext) async throws -> HTML {
        switch try await delivery.deliver(message) {
        case .shown(let link, let mailto):
            return pages.render(
                NoticePage(
                    title: "\(title) — Maillage", heading: title,
                    message: "Transmettez ce lien à \(message.to) ; il est valable 7 jours et ne sert qu'une fois.",
                    link: link, mailto: mailto), for: context.visitor)
        case .sent:
            return pages.render(
                NoticePage(
                    title: "\(title) — Maillage", heading: title, message: "Le lien a été envoyé à \(message.to).",
                    link: nil, mailto: nil), for: context.visitor)
        }
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
