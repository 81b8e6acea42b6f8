import HTTPTypes

extension HTTPResponse.Status {
    /// What the status means, in French, for a JSON error that has no message of its own.
    var frenchReason: String {
        switch code {
        case 400: "requête invalide"
        case 401: "authentification requise"
        case 403: "accès refusé"
        case 404: "ressource introuvable"
        case 405: "méthode non autorisée pour cette ressource"
        case 409: "conflit avec l'état actuel de la ressource"
        case 413: "requête trop volumineuse"
        case 429: "trop de requêtes : réessayez plus tard"
        case 400..<500: "requête refusée"
        default: "erreur interne du serveur"
        }
    }
}
