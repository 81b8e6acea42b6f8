/// The fields of the review forms (a declaration's decision, a disagreement's choice), as they are sent.
enum ReviewFormField: String, FormField {
    case decision, champ, motif
    case ancre, colonne, choix
}
