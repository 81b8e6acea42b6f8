/// The fields of a workshop card (the board's « Nouvelle carte » form), as the form sends them.
enum CardFormField: String, FormField {
    case table, type, texte, lieu, voisine, persona
    /// The key the phone gives a card once, so that a card sent twice is kept once.
    case cle
}

/// The fields of the form that joins an open workshop with its code.
enum JoinFormField: String, FormField {
    case code, nom
}

/// The fields of the board's other forms (a card's moderation, the projection address), as they are sent.
enum BoardFormField: String, FormField {
    /// What the button does: `masquer`, `fusionner`, `afficher`; `nouveau`, `revoquer` for the projection address.
    case action
    /// The card a duplicate is merged into.
    case dans
}
