import MaillageCore

/// `/lieux/:id/signaler`: anyone says what is wrong about a place, in the national map's categories.
struct ReportPage: PageModel {
    struct Category {
        var value: String
        var label: String
    }

    let template = TemplateName.placeReport
    /// The form's field names.
    let fields = ReportFormField.names
    var title: String
    var name: String
    var placeURL: String
    var action: String
    var categories: [Category]
    var error: String?
    var maxLength = Declaration.maxMessageLength

    init(entry: PlaceIndex.Entry, error: String?) {
        title = "Signaler une erreur — \(entry.place.nom) — Maillage"
        name = entry.place.nom.displayCased
        placeURL = SiteURL.place(.value(entry.place.id)).path
        action = SiteURL.reportPlace(.value(entry.place.id)).path
        categories = ReportCategory.allCases.map { Category(value: $0.rawValue, label: $0.label) }
        self.error = error
    }
}

extension ReportPage {
    var breadcrumbParents: [Breadcrumb] { [Breadcrumb(label: name, url: placeURL)] }
}
