/// An error shown as a page: what happened, in plain French, never internal details.
struct ErrorPage: PageModel {
    let template = TemplateName.error
    var title: String
    var status: Int
    var heading: String
    var message: String
    var asksSignIn: Bool

    init(status: Int, message: String?) {
        self.status = status
        asksSignIn = status == 401
        switch status {
        case 404: heading = "Page introuvable"
        case 401: heading = "Connexion nécessaire"
        case 403: heading = "Action refusée"
        case 409: heading = "Modification en conflit"
        case 413: heading = "Demande trop volumineuse"
        case 429: heading = "Trop de demandes"
        case 400..<500: heading = "Demande invalide"
        default: heading = "Erreur du serveur"
        }
        title = "\(heading) — Maillage"
        self.message = message ?? Self.defaultMessage(status)
    }

    /// What a status says when the error has no message of its own.
    static func defaultMessage(_ status: Int) -> String {
        switch status {
        case 404: "La page demandée n'existe pas."
        case 401: "Connectez-vous d'abord."
        case 403: "Vous n'avez pas le droit de faire cela."
        case 405: "Cette adresse ne s'utilise pas ainsi (méthode non autorisée)."
        case 413: "La demande envoyée est trop volumineuse : rien n'a été enregistré."
        case 429: "Trop de demandes en peu de temps : réessayez dans un moment."
        case 400..<500: "La demande est invalide."
        default: "Une erreur inattendue est survenue. Réessayez plus tard."
        }
    }
}
