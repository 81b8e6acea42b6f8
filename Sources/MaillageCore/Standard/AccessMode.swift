/// `modalites_acces`: how a person gets in touch with the place.
public enum AccessMode: String, StandardVocabulary {
    case sePresenter = "Se présenter"
    case telephoner = "Téléphoner"
    case contacterParMail = "Contacter par mail"
    case rdvEnLigne = "Prendre un RDV en ligne"
    case pasDeAccueilPublic = "Ce lieu n'accueille pas de public"
    case ficheDePrescription = "Envoyer un mail avec une fiche de prescription"

    public static let column = StandardColumn.modalitesAcces
}
