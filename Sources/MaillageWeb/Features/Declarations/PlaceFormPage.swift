import MaillageCore
import MaillageSources

/// `/lieux/:id/declarer` and `/proposer-un-lieu`: the declaration form, with the week as the evaluator reads it.
struct PlaceFormPage: PageModel {
    struct TextField {
        var id: String
        var label: String
        var value: String
        var limit: Int
        var hint: String?
        var isLong: Bool
        var isRequired: Bool
    }

    struct Option {
        var id: String
        var value: String
        var checked: Bool
    }

    struct Group {
        var legend: String
        var name: String
        var options: [Option]
        /// Long lists (typologie) are folded.
        var isFolded: Bool
    }

    struct Range {
        var startName: String
        var endName: String
        var start: String
        var end: String
        var label: String
        var number: Int
    }

    struct Day {
        var name: String
        var ranges: [Range]
    }

    struct Closure {
        var number: Int
        var from: String
        var to: String
    }

    struct PreviewDay {
        var name: String
        var hours: String
    }

    let template = TemplateName.placeForm
    /// The form's field names besides the standard's columns.
    let fields = PlaceFormField.names
    var title: String
    var heading: String
    var intro: String
    var action: String
    var placeURL: String?
    var errors: [String]
    var hasErrors: Bool
    var notice: String?
    var identity: [TextField]
    var address: [TextField]
    var contacts: [TextField]
    var presentation: [TextField]
    var groups: [Group]
    var usesGrid: Bool
    var days: [Day]
    var closures: [Closure]
    var closedOnHolidays: Bool
    var rawHours: String
    var preview: [PreviewDay]
    var hasPreview: Bool
    var previewOSM: String?
    var previewProblem: String?

    static let hints: [StandardColumn: String] = [
        .pivot: "14 chiffres du SIRET, ou le RNA (W suivi de 9 chiffres)",
        .telephone: "ex. 03 27 00 00 00",
        .courriels: "plusieurs adresses séparées par |",
        .siteWeb: "https://…, plusieurs séparés par |",
        .latitude: "en degrés décimaux, ex. 50.3246 (laisser vide : placé à l'adresse par la commune)",
        .presentationResume: "280 caractères au plus",
        .codeInsee: "5 caractères, ex. 59172 pour Denain",
        .autresFormationsLabels: "séparés par |"
    ]

    init(
        heading: String, intro: String, action: String, placeURL: String?, form: PlaceForm, columns: [StandardColumn], notice: String? = nil,
        showPreview: Bool = false
    ) {
        title = "\(heading) — Maillage"
        self.heading = heading
        self.intro = intro
        self.action = action
        self.placeURL = placeURL
        errors = form.errors
        hasErrors = !form.errors.isEmpty
        self.notice = notice
        func fields(_ list: [StandardColumn]) -> [TextField] {
            list.filter(columns.contains).map { column in
                let limit = PlaceForm.textColumns.first { $0.column == column }?.limit ?? 300
                return TextField(
                    id: column.rawValue, label: column.label, value: form.values[column] ?? "", limit: limit, hint: Self.hints[column],
                    isLong: column == .presentationDetail || column == .presentationResume,
                    isRequired: [.nom, .adresse, .commune, .codePostal, .codeInsee].contains(column))
            }
        }
        identity = fields([.nom, .pivot, .structureParente, .source])
        address = fields([.adresse, .complementAdresse, .commune, .codePostal, .codeInsee, .latitude, .longitude])
        contacts = fields([.telephone, .courriels, .siteWeb, .priseRdv, .ficheAccesLibre])
        presentation = fields([.presentationResume, .presentationDetail, .autresFormationsLabels])
        groups = PlaceForm.vocabularyColumns.filter(columns.contains).map { column in
            let checked = Set((form.values[column] ?? "").split(separator: "|").map(String.init))
            return Group(
                legend: column.label, name: column.rawValue,
                options: PlaceForm.allowedValues(column).enumerated().map {
                    Option(id: "\(column.rawValue)-\($0.offset)", value: $0.element, checked: checked.contains($0.element))
                },
                isFolded: column == .typologie)
        }
        let hours = form.hours
        usesGrid = hours != nil
        days = Weekday.allCases.map { day in
            let spans = hours?.days[day.rawValue] ?? []
            return Day(
                name: day.frenchName.capitalized,
                ranges: (1...HoursForm.rangesPerDay).map { n in
                    let span = n <= spans.count ? spans[n - 1] : nil
                    return Range(
                        startName: PlaceFormField.hours(day, n, end: false), endName: PlaceFormField.hours(day, n, end: true),
                        start: span.map { TimeSpan.clock($0.start) } ?? "", end: span.map { TimeSpan.clock($0.end) } ?? "",
                        label: "\(day.frenchName) plage \(n)", number: n)
                })
        }
        closures = (1...HoursForm.closureCount).map { n in
            let closure = hours.flatMap { n <= $0.closures.count ? $0.closures[n - 1] : nil }
            func text(_ day: Int, _ month: Int) -> String { String(format: "%02d/%02d", day, month) }
            return Closure(
                number: n, from: closure.map { text($0.fromDay, $0.fromMonth) } ?? "", to: closure.map { text($0.toDay, $0.toMonth) } ?? "")
        }
        closedOnHolidays = hours?.closedOnPublicHolidays ?? false
        rawHours = form.values[.horaires] ?? ""
        let osm = form.values[.horaires] ?? ""
        let read = osm.isEmpty ? nil : OpeningHours(osm: osm)
        preview = read?.schedule.map { $0.frenchWeek.map { PreviewDay(name: $0.day.frenchName.capitalized, hours: $0.hours) } } ?? []
        hasPreview = showPreview || !preview.isEmpty
        previewOSM = osm.isEmpty ? nil : osm
        previewProblem = read?.problem
    }
}

extension PlaceFormPage {
    var breadcrumbParents: [Breadcrumb] { placeURL.map { [Breadcrumb(label: "Fiche du lieu", url: $0)] } ?? [] }
}
