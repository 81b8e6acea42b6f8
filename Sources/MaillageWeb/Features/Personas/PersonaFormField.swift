/// The fields of the persona form (`/personas/nouveau`, `/personas/{id}/modifier`), as the form sends them; a need's
/// task and service are numbered (`tache1`, `service1`), see ``numbered(_:)``.
enum PersonaFormField: String, FormField {
    case prenom, description, age, situation, commune, qpv, equipement, internet, autonomie, mobilite, minutes, dispo, gratuit
    case priseEnChargeSpecifique = "prise_en_charge_specifique"
    /// The version the form was read at, so that a concurrent edit is not overwritten.
    case version
    case tache, service

    /// The name of the numbered field of need `number` (`tache1`).
    func numbered(_ number: Int) -> String { rawValue + "\(number)" }
}
