/// `dispositif_programmes_nationaux`: national programmes a place belongs to.
public enum NationalProgramme: String, StandardVocabulary {
    case aidantsConnect = "Aidants Connect"
    case bibliothequesNumeriqueReference = "Bibliothèques numérique de référence"
    case certificationPix = "Certification PIX"
    case conseillersNumeriques = "Conseillers numériques"
    case emmausConnect = "Emmaüs Connect"
    case franceServices = "France Services"
    case grandeEcoleNumerique = "Grande école du numérique"
    case croixRouge = "La Croix Rouge"
    case pointAccesNumeriqueCAF = "Point d'accès numérique CAF"
    case promeneursDuNet = "Promeneurs du net"
    case relaisNumeriqueEmmausConnect = "Relais numérique (Emmaüs Connect)"

    public static let column = StandardColumn.dispositifProgrammesNationaux
}
