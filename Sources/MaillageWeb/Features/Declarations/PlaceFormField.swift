import MaillageCore

/// The fields of the place form (`/lieux/{id}/declarer`, `/proposer-un-lieu`) besides the standard's columns (named by
/// ``StandardColumn``), as the form sends them; the hours editor's fields are numbered, see ``hours(_:_:end:)``.
enum PlaceFormField: String, FormField {
    /// `apercu` to see the week before sending, `envoyer` to send.
    case etape
    case feries
    case horairesMode = "horaires_mode"
    case horairesTexte = "horaires_texte"

    /// An opening range's start or end on a day: `h-Mo-1-debut`, `h-Mo-1-fin`.
    static func hours(_ day: Weekday, _ number: Int, end: Bool) -> String { "h-\(day.rawValue)-\(number)-\(end ? "fin" : "debut")" }

    /// An annual closure's first or last day: `fermeture-1-du`, `fermeture-1-au`.
    static func closure(_ number: Int, last: Bool) -> String { "fermeture-\(number)-\(last ? "au" : "du")" }
}
