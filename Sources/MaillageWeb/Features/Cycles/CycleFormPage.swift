import MaillageCore

/// `/cycles/nouveau` and `/cycles/{id}/modifier`: a cycle's title, goal, dates and people.
struct CycleFormPage: PageModel {
    let template = TemplateName.cycleForm
    /// The form's field names.
    let fields = CycleFormField.names
    var title: String
    var heading: String
    var action: String
    var territory: String
    var cycleTitle: String
    var goal: String
    var startsOn: String
    var endsOn: String
    var organisers: String
    var animateurs: String
    var errors: [String]
    var hasErrors: Bool
    var submitLabel: String
    private let parents: [Breadcrumb]

    init(cycle: Cycle, isNew: Bool, problems: [FieldProblem] = []) {
        heading = isNew ? "Nouveau cycle de rencontres" : "Modifier le cycle"
        title = "\(heading) — Maillage"
        action = isNew ? SiteURL.cycles.path : SiteURL.editCycle(.value(cycle.id)).path
        territory = cycle.territory.rawValue
        cycleTitle = cycle.title
        goal = cycle.goal
        startsOn = cycle.startsOn?.description ?? ""
        endsOn = cycle.endsOn?.description ?? ""
        organisers = cycle.organisers.joined(separator: "\n")
        animateurs = cycle.animateurs.joined(separator: "\n")
        errors = problems.map(\.sentence)
        hasErrors = !errors.isEmpty
        submitLabel = isNew ? "Créer le cycle" : "Enregistrer"
        parents = isNew ? [] : [Breadcrumb(label: cycle.title, url: SiteURL.cycle(.value(cycle.id)).path)]
    }

    var breadcrumbParents: [Breadcrumb] { parents }
}
