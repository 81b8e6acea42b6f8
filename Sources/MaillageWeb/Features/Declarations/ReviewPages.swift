import Foundation
import MaillageCore
import MaillageSources

/// `/declarations`: the coordinators' queue.
struct DeclarationsPage: PageModel {
    struct Row {
        var url: String
        var number: Int
        var kind: String
        var place: String
        var author: String
        var date: String
        var status: String
        var summary: String
    }

    struct Filter {
        var value: String
        var label: String
        var selected: Bool
    }

    let template = TemplateName.declarations
    let title = "Déclarations à vérifier — Maillage"
    var rows: [Row]
    var hasRows: Bool
    var filters: [Filter]
    var territories: [TerritoryLink]

    struct TerritoryLink {
        var name: String
        var vigilanceURL: String
        var disagreementsURL: String
        var exportCSV: String
        var exportJSON: String
        var correctionsCSV: String
        var missingURL: String
    }

    /// The status filters of the queue.
    static let filterValues: [(String, String, Set<DeclarationStatus>)] = [
        ("ouvertes", "À traiter", [.propose, .aVerifier]), ("validees", "Validées", [.valide]), ("refusees", "Refusées", [.refuse])
    ]

    init(declarations: [Declaration], filter: String, territories: [(Siren, String)]) {
        rows = declarations.map { declaration in
            Row(
                url: SiteURL.declaration(.value("\(declaration.id)")).path, number: declaration.id, kind: declaration.kind.label,
                place: declaration.placeName, author: declaration.author.label, date: French.date(declaration.createdAt),
                status: declaration.status.label,
                summary: declaration.kind == .report
                    ? (declaration.category?.label ?? "") : declaration.fields.map(\.column.label).joined(separator: ", "))
        }
        hasRows = !rows.isEmpty
        filters = Self.filterValues.map { Filter(value: $0.0, label: $0.1, selected: $0.0 == filter) }
        self.territories = territories.map { siren, name in
            TerritoryLink(
                name: name, vigilanceURL: SiteURL.vigilance(.value(siren)).path, disagreementsURL: SiteURL.disagreements(.value(siren)).path,
                exportCSV: SiteURL.territoryPlacesCSV(.value(siren)).path, exportJSON: SiteURL.territoryPlacesJSON(.value(siren)).path,
                correctionsCSV: SiteURL.territoryCorrectionsCSV(.value(siren)).path,
                missingURL: SiteURL.missingPlaces.path(query: [("territoire", siren.rawValue)]))
        }
    }
}

/// `/declarations/:id`: a declaration compared field by field with the place as it is and with each source.
struct DeclarationPage: PageModel {
    struct Row {
        var column: String
        var label: String
        var current: String
        var previous: String
        var proposed: String
        /// The proposed hours as the evaluator reads them, day by day.
        var reading: String?
        var sources: [String]
        var changedSince: Bool
        var decision: String?
        var checked: Bool
    }

    let template = TemplateName.declaration
    /// The form's field names.
    let fields = ReviewFormField.names
    var title: String
    var heading: String
    var kind: String
    var status: String
    var placeName: String
    var placeURL: String?
    var author: String
    var date: String
    var structure: String?
    var category: String?
    var message: String?
    var decided: String?
    var reason: String?
    var rows: [Row]
    var hasRows: Bool
    var isOpen: Bool
    var canTake: Bool
    var takeURL: String
    var decideURL: String
    var isReport: Bool
    var isClosure: Bool
    var errors: [String]
    var hasErrors: Bool

    init(declaration: Declaration, current: Place?, records: [SourceRecord], structureName: String?, errors: [String] = []) {
        title = "Déclaration n° \(declaration.id) — Maillage"
        heading = "Déclaration n° \(declaration.id)"
        kind = declaration.kind.label
        status = declaration.status.label
        placeName = declaration.placeName
        placeURL = declaration.placeID.map { SiteURL.place(.value($0)).path }
        author = declaration.author.label
        date = French.date(declaration.createdAt)
        structure = structureName
        category = declaration.category?.label
        message = declaration.message
        decided = declaration.decidedBy.map { by in
            "\(declaration.status.label) par \(by.label)" + (declaration.decidedAt.map { " le \(French.date($0))" } ?? "")
        }
        reason = declaration.reason
        rows = declaration.fields.map { field in
            let now = current.map { StandardField.text(field.column, of: $0) } ?? ""
            return Row(
                column: field.column.rawValue, label: field.column.label, current: Self.shown(now), previous: Self.shown(field.previous),
                proposed: Self.shown(field.proposed),
                reading: field.column == .horaires
                    ? OpeningHours(osm: field.proposed).schedule.map { week in
                        week.frenchWeek.map { "\($0.day.frenchName) : \($0.hours)" }.joined(separator: " ; ")
                    } : nil,
                sources: records.map { "\($0.provenance.source.label) : \(Self.shown(StandardField.text(field.column, of: $0.place)))" },
                changedSince: current != nil && now != field.previous,
                decision: declaration.status.isOpen ? nil : (field.decision == .accepted ? "accepté" : "refusé"),
                checked: field.decision != .rejected)
        }
        hasRows = !rows.isEmpty
        isOpen = declaration.status.isOpen
        canTake = declaration.status == .propose
        takeURL = SiteURL.takeDeclaration(.value("\(declaration.id)")).path
        decideURL = SiteURL.decideDeclaration(.value("\(declaration.id)")).path
        isReport = declaration.kind == .report
        isClosure = declaration.category == .fermeDefinitivement
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

extension DeclarationPage {
    /// A cell as the comparison shows it: « (vide) » when there is nothing.
    static func shown(_ text: String) -> String { text.isEmpty ? "(vide)" : "« \(text) »" }
}

/// `/territoires/:siren/desaccords`: validated fields the national files now contradict.
struct DisagreementsPage: PageModel {
    struct Row {
        var placeName: String
        var placeURL: String
        var anchor: String
        var column: String
        var label: String
        var declared: String
        var baseline: String
        var national: String
        var validated: String
    }

    let template = TemplateName.disagreements
    /// The form's field names.
    let fields = ReviewFormField.names
    var title: String
    var territoryName: String
    var action: String
    var rows: [Row]
    var hasRows: Bool

    init(territoryName: String, siren: Siren, rows: [Row]) {
        title = "Désaccords avec les fichiers nationaux — \(territoryName) — Maillage"
        self.territoryName = territoryName
        action = SiteURL.disagreements(.value(siren)).path
        self.rows = rows
        hasRows = !rows.isEmpty
    }
}

extension DeclarationPage {
    var breadcrumbParents: [Breadcrumb] { [Breadcrumb(label: "Déclarations à vérifier", url: SiteURL.declarations.path)] }
}

extension DisagreementsPage {
    var breadcrumbParents: [Breadcrumb] { [Breadcrumb(label: "Déclarations à vérifier", url: SiteURL.declarations.path)] }
}
