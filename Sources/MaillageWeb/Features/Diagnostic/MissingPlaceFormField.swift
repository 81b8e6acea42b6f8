/// The fields of the missing places register's forms (a proposal, its prefilled link, a status change), as they are
/// sent; the territory is the shared `territoire` parameter.
enum MissingPlaceFormField: String, FormField {
    case commune, qpv, services, publics, besoins, origine, justification
    case statut, priorite, lieu
}
