/// The fields of the account forms (signing in, the password, the second factor, an invitation accepted), as they
/// are sent.
enum AccountFormField: String, FormField {
    case email, code, retour, actuel, nouveau, confirmation, secret, nom
    case motDePasse = "mot_de_passe"
}

/// The fields of the invitation and role forms (`/invitations`), as they are sent; the territory is the shared
/// `territoire` parameter.
enum InvitationFormField: String, FormField {
    case email, role, portee, structure
}
