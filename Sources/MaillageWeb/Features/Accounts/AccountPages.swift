import Foundation
import MaillageCore
import MaillageStorage

/// `/connexion`.
struct SignInPage: PageModel {
    let template = TemplateName.signIn
    /// The form's field names.
    let fields = AccountFormField.names
    let title = "Se connecter — Maillage"
    var returnTo: String?
    var error: String?
}

/// `/compte`: who I am, my roles, my password, my sessions.
struct AccountPage: PageModel {
    let template = TemplateName.account
    /// The form's field names.
    let fields = AccountFormField.names
    let title = "Mon compte — Maillage"
    var name: String
    var email: String
    var roles: [String]
    var hasRoles: Bool
    var sessions: String
    var message: String?
    var minimumLength = PasswordRules.minimumLength
    var offersSecondFactor: Bool
    var hasSecondFactor: Bool
    var secondFactorURL = SiteURL.secondFactor.path
    var secondFactorOffURL = SiteURL.secondFactorOff.path
    var recoveryCodesURL = SiteURL.recoveryCodes.path
    /// How many unused recovery codes the person has, said in words.
    var recoveryCodes: String
    /// The structures the person is a member of, with their pages (where their places are declared).
    var structures: [Link]
    var hasStructures: Bool
    /// What the person declared and what became of it.
    var declarations: [String]
    var hasDeclarations: Bool

    struct Link {
        var label: String
        var url: String
    }

    init(
        account: AccountRepository.Account, sessions: Int, message: AccountMessage?, offersSecondFactor: Bool, recoveryCodes: Int = 0,
        structures: [Structure] = [], declarations: [Declaration] = []
    ) {
        self.structures = structures.map { Link(label: $0.name, url: SiteURL.structure(.value($0.id)).path) }
        hasStructures = !structures.isEmpty
        self.declarations = declarations.map { declaration in
            "N° \(declaration.id), \(French.date(declaration.createdAt)) — \(declaration.kind.label) « \(declaration.placeName) » : \(declaration.status.label)"
                + (declaration.reason.map { " (motif : \($0))" } ?? "")
        }
        hasDeclarations = !self.declarations.isEmpty
        self.offersSecondFactor = offersSecondFactor
        hasSecondFactor = account.hasSecondFactor
        name = account.name
        email = account.email
        roles = account.grants.sorted().map(\.description)
        hasRoles = !roles.isEmpty
        self.sessions = "\(French.count(sessions, "session ouverte", "sessions ouvertes"))."
        self.message = message?.text
        self.recoveryCodes = French.count(recoveryCodes, "code de secours inutilisé", "codes de secours inutilisés")
    }
}

/// A short page that says what was done, with a link to copy or send (an invitation, a reset link).
struct NoticePage: PageModel {
    let template = TemplateName.notice
    var title: String
    var heading: String
    var message: String
    var link: String?
    var mailto: String?
    /// Where to go next, and how the link says it.
    var nextURL: String?
    var nextLabel: String?
}

/// `/invitation/:jeton` and `/reinitialisation/:jeton`: choose a password (and a name, for a new account).
struct ChoosePasswordPage: PageModel {
    let template = TemplateName.choosePassword
    /// The form's field names.
    let fields = AccountFormField.names
    var title: String
    var heading: String
    var explanation: String
    var action: String
    var asksName: Bool
    var email: String
    var minimumLength = PasswordRules.minimumLength
    var error: String?
    /// Whether the account has a second factor, whose code is asked with the new password.
    var asksCode = false
}

/// `/donnees-personnelles`: what is kept about people, why, for how long, who sees it.
struct PrivacyPage: PageModel {
    let template = TemplateName.privacy
    let title = "Données personnelles — Maillage"
    var auditYears = Int(AuditRepository.retention / (365 * 24 * 3600))
    var linkDays = Int(OneTimeLinkRepository.lifetime / (24 * 3600))
    var passHours = Int(Meeting.passLifetime / 3600)
    var participantRetentionDays = Int(ParticipantRepository.retention / (24 * 3600))
    var referralAnswerDays = Int(Referral.answerDelay / (24 * 3600))
    var referralRetentionDays: Int
    var idleHours: Int
    var absoluteHours: Int

    init(lifetime: SessionRepository.Lifetime, referralRetention: TimeInterval = Referral.defaultAnonymisation) {
        idleHours = Int(lifetime.idle / 3600)
        absoluteHours = Int(lifetime.absolute / 3600)
        referralRetentionDays = Int(referralRetention / (24 * 3600))
    }
}

/// `/compte/second-facteur`: the key to give one's authenticator app, and the code that proves it took it.
struct SecondFactorPage: PageModel {
    let template = TemplateName.secondFactor
    /// The form's field names.
    let fields = AccountFormField.names
    let title = "Second facteur — Maillage"
    var secret: String
    var url: String
    var key: String
    var action = SiteURL.secondFactor.path
    var error: String?

    init(account: AccountRepository.Account, secret: String, error: String?) {
        self.secret = secret
        (url, key) = SecondFactorCode.enrolment(secret: secret, account: account.email)
        self.error = error
    }
}

/// The recovery codes of a second factor, the only time they are shown (after turning it on, or asking new ones).
struct RecoveryCodesPage: PageModel {
    let template = TemplateName.recoveryCodes
    let title = "Codes de secours — Maillage"
    var codes: [String]
    var heading: String
    var accountURL = SiteURL.account.path
}
