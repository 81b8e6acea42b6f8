/// The search's query parameters (`/recherche`, its exports and `/api/v1/recherche`), as the form sends them and its
/// links repeat them; the standard's vocabularies keep the standard's column names.
enum SearchField: String, FormField {
    case ou, commune, lat, lon, services, itinerance, jour, heure, samedi
    case rayonKm = "rayon_km"
    case publicsSpecifiquementAdresses = "publics_specifiquement_adresses"
    case priseEnChargeSpecifique = "prise_en_charge_specifique"
    case fraisACharge = "frais_a_charge"
    case modalitesAcces = "modalites_acces"
    case modalitesAccompagnement = "modalites_accompagnement"
    case dispositifProgrammesNationaux = "dispositif_programmes_nationaux"
    case formationsLabels = "formations_labels"
    case apres18h = "apres_18h"
    case surPlace = "sur_place"
}
