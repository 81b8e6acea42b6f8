/// An error shown as a page: what happened, in plain French, never internal details.
struct ErrorPage: PageModel {
    let template = "error"
    var title: String
    var status: Int
    var heading: String
    var message: String

    init(status: Int, message: String?) {
        self.status = status
        switch status {
        case 404: heading = "Page introuvable"
        case 400..<500: heading = "Demande invalide"
        default: heading = "Erreur du serveur"
        }
        title = "\(heading) — Maillage"
        self.message = message ?? (status >= 500 ? "Une erreur inattendue est survenue. Réessayez plus tard." : "La page demandée n'existe pas.")
    }
}
