import MaillageCore

/// `/orienter/regles`: the orientation rules of a territory's network, and, for its animateurs and coordinators, the
/// form to add one.
struct OrientationRulesPage: PageModel {
    struct StepLine {
        var number: Int
        var structure: String
        var structureURL: String
        var approach: String
        var contact: String?
    }

    struct RuleItem {
        var number: Int
        var situation: String
        var steps: [StepLine]
        var note: String?
        var deleteURL: String?
    }

    struct StepRow {
        var row: Int
        /// The row as people count it, from 1.
        var number: Int
        var structures: [FormChoice]
        var approaches: [FormChoice]
    }

    let template = TemplateName.orientationRules
    /// The forms' field names.
    let fields = OrientationRuleFormField.names
    var title: String
    var territoryName: String
    var territory: String
    var rules: [RuleItem]
    var hasRules: Bool
    var canCurate: Bool
    var action: String
    var communes: [FormChoice]
    var needs: [FormChoice]
    var publics: [FormChoice]
    var constraints: [FormChoice]
    var stepRows: [StepRow]
    var errors: [String]
    var hasErrors: Bool

    /// The step rows the form offers.
    static let rows = 4

    init(
        rules: [OrientationRule], siren: Siren, territory: TerritoryData, directory: StructureDirectory, canCurate: Bool,
        problems: [FieldProblem] = []
    ) {
        territoryName = territory.epcis[siren]?.name ?? siren.rawValue
        title = "Règles d'orientation — \(territoryName) — Maillage"
        self.territory = siren.rawValue
        self.rules = rules.enumerated().map { offset, rule in
            RuleItem(
                number: offset + 1, situation: rule.situationText(communeName: territory.commune(rule.commune)?.name ?? rule.commune.rawValue),
                steps: rule.steps.enumerated().map { number, step in
                    StepLine(
                        number: number + 1, structure: directory[step.structureID]?.name ?? step.structureID,
                        structureURL: SiteURL.structure(.value(step.structureID)).path, approach: step.approach.label,
                        contact: step.contact.isEmpty ? nil : step.contact)
                },
                note: rule.note.isEmpty ? nil : rule.note, deleteURL: canCurate ? SiteURL.deleteOrientationRule(.value(rule.id)).path : nil)
        }
        hasRules = !self.rules.isEmpty
        self.canCurate = canCurate
        action = SiteURL.orientationRules.path
        let members = territory.epcis[siren]?.members.compactMap(territory.commune) ?? []
        communes = members.sorted { $0.name.folded < $1.name.folded }.map { FormChoice(value: $0.code.rawValue, label: $0.name, selected: false) }
        needs = Service.allCases.map { FormChoice(value: $0.rawValue, label: $0.rawValue, selected: false) }
        publics =
            [FormChoice(value: "", label: "tout public", selected: true)]
            + TargetPublic.allCases.map { FormChoice(value: $0.rawValue, label: $0.rawValue, selected: false) }
        constraints =
            [FormChoice(value: "", label: "aucune", selected: true)]
            + FormChoice.all(OrientationRule.Constraint.self, label: \.label, selected: { _ in false })
        // The territory's structures, then those of its neighbours (an agreement with a neighbour is a rule too).
        let offered = directory.structures(around: siren, in: territory)
        let structureChoices =
            [FormChoice(value: "", label: "—", selected: true)]
            + offered.map { FormChoice(value: $0.id, label: $0.territory == siren ? $0.name : "\($0.name) (territoire voisin)", selected: false) }
        stepRows = (0..<Self.rows).map { row in
            StepRow(
                row: row, number: row + 1, structures: structureChoices,
                approaches: FormChoice.all(OrientationRule.Approach.self, label: \.label, selected: { $0 == .sePresenter }))
        }
        errors = problems.map(\.sentence)
        hasErrors = !errors.isEmpty
    }
}
