/// The guided orientation's query parameters (`/orienter/resultats`, `/orienter/fiche`), as the form sends them and
/// its links repeat them.
enum OrientationField: String, FormField {
    case besoin, ou, langue, age, equipement, mobilite, gratuit, dispo
    case priseEnChargeSpecifique = "prise_en_charge_specifique"
    case sansInternet = "sans_internet"
}
