/// The fields of the cycle form (`/cycles`, `/cycles/{id}/modifier`), as the form sends them; the territory is the
/// shared `territoire` parameter.
enum CycleFormField: String, FormField {
    case titre, objectif, debut, fin, organisateurs, animateurs
}

/// The fields of the meeting form (`/cycles/{id}/rencontres`, `/rencontres/{id}/modifier`), as the form sends them;
/// the agenda's rows are numbered (`temps_0_titre`), see ``MeetingForm``.
enum MeetingFormField: String, FormField {
    case debut, lieu, communes, decisions
    case lieuID = "lieu_id"
}

/// The fields of a meeting page's forms (a participant added, the attendance, the workshop's state), as they are sent.
enum ParticipantFormField: String, FormField {
    case nom, structure, profil, commune, inscription, present, presents, etat
    case nomPublic = "nom_public"
}
