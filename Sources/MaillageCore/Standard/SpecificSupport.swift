/// `prise_en_charge_specifique`: specific support a place can give.
public enum SpecificSupport: String, StandardVocabulary {
    case surdite = "Surdité"
    case handicapsMoteurs = "Handicaps moteurs"
    case handicapsMentaux = "Handicaps mentaux"
    case illettrisme = "Illettrisme"
    case languesEtrangeresAnglais = "Langues étrangères (anglais)"
    case languesEtrangeresAutres = "Langues étrangères (autres)"
    case deficienceVisuelle = "Déficience visuelle"

    public static let column = StandardColumn.priseEnChargeSpecifique
}
