/// The fields of a place's public report form (`/lieux/{id}/signaler`), as the form sends them.
enum ReportFormField: String, FormField {
    case categorie, message
    /// The field hidden from people that robots fill in: a report that has it is dropped.
    case siteInternet = "site_internet"
}
