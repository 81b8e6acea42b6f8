/// What `/compte` may say after a change, named in its URL (`/compte?message=mot-de-passe-change`): only these texts,
/// never one the URL carries, so that a link cannot make the site say something.
enum AccountMessage: String, CaseIterable, Sendable {
    case passwordChanged = "mot-de-passe-change"
    case passwordReset = "mot-de-passe-reinitialise"
    case welcome = "bienvenue"
    case secondFactorOff = "second-facteur-desactive"

    var text: String {
        switch self {
        case .passwordChanged: "Mot de passe changé ; vos autres sessions sont fermées."
        case .passwordReset: "Nouveau mot de passe enregistré."
        case .welcome: "Bienvenue : votre rôle est actif."
        case .secondFactorOff: "Second facteur désactivé ; vos codes de secours ne servent plus."
        }
    }

    /// `/compte` saying it.
    var url: String { SiteURL.account.path(query: [("message", rawValue)]) }
}
