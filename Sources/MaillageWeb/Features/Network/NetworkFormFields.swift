/// The fields of the partnerships page's forms (a link, its state, the suggestions' commune and reach), as they are
/// sent; the territory is the shared `territoire` parameter.
enum PartnershipFormField: String, FormField {
    case de, vers, lien, etat, notes, rencontre, commune, minutes
}

/// The fields of the referral forms (an orientation sent, a status answered), as they are sent.
enum ReferralFormField: String, FormField {
    case de, vers, besoin, personne, contact, note, accord, attendu, etat, motif
}

/// The fields of the orientation rule form, as it is sent; a step's fields are numbered (`etape_0_structure`), see
/// ``step(_:_:)``.
enum OrientationRuleFormField: String, FormField {
    case besoin, commune, contrainte, note
    case targetPublic = "public"

    /// The name of a numbered step's field (`structure`, `maniere`, `contact`): `etape_0_structure`.
    static func step(_ row: Int, _ part: String) -> String { "etape_\(row)_\(part)" }
}
