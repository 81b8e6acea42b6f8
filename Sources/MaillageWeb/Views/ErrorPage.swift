/// An error shown as a page: what happened, in plain French, never internal details.
struct ErrorPage: PageModel {
    let template = "error"
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
        case 400..<500: heading = "Demande invalide"
        default: heading = "Erreur du serveur"
        }
        title = "\(heading) — Maillage"
        self.message = message ?? (status >= 500 ? "Une erreur inattendue est survenue. Réessayez plus tard." : "La page demandée n'existe pas.")
    }
}
