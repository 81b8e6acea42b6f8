/// Why an account, invitation or session use case refused to change anything; the web maps each to its status, the
/// command line prints its message.
public enum AccountRefusal: Error, Sendable, Equatable {
    /// The single-use link was used or has expired.
    case linkGone
    /// The link's maker may no longer make it (their roles or the person's changed since).
    case linkWithdrawn
    /// An account still waiting for its first password: only its own link sets it.
    case awaitingItsOwnLink
    /// Turning the second factor on while it is on would replace its key without the code that turning it off asks.
    case secondFactorAlreadyOn
    /// The second factor's code does not match, or was spent meanwhile (a replay).
    case wrongCode
    /// No account has this e-mail.
    case unknownAccount(email: String)

    /// What the person is told, in French.
    public var message: String {
        switch self {
        case .linkGone:
            "Ce lien a déjà servi ou a expiré : demandez-en un autre."
        case .linkWithdrawn:
            "Ce lien n'est plus valable : la personne qui l'a fait n'en a plus le droit (ses rôles ou les vôtres ont changé "
                + "depuis). Demandez un nouveau lien à un coordinateur. Rien n'a été changé."
        case .awaitingItsOwnLink:
            "Ce compte attend encore son premier mot de passe : la personne le choisit avec le lien reçu à la création "
                + "du compte (un coordinateur peut en refaire un). Rien n'a été changé."
        case .secondFactorAlreadyOn:
            "Le second facteur est déjà actif : désactivez-le d'abord (avec un code), puis recommencez."
        case .wrongCode:
            "Ce code ne correspond pas ou a déjà servi : rien n'a été changé. "
                + "Saisissez le code que votre application affiche maintenant, ou un code de secours encore inutilisé."
        case .unknownAccount(let email):
            "aucun compte pour \(email)"
        }
    }
}
