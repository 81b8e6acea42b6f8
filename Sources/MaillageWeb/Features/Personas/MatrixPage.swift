import MaillageCore

/// `/atelier?communes=…`: personas × communes, each cell the outcome of that persona living there.
struct MatrixPage: PageModel {
    struct Cell {
        var symbol: String
        var cssClass: String
        var label: String
        var url: String
    }

    struct Row {
        var persona: String
        var url: String
        var cells: [Cell]
    }

    struct Summary {
        var commune: String
        var hardest: [String]
        var causes: String
    }

    let template = TemplateName.matrix
    let title = "Atelier : personas × communes — Maillage"
    var communes: [String]
    var rows: [Row]
    var summaries: [Summary]
    var legend: [Cell]
    var csvURL: String
    var communesValue: String

    init(matrix: WorkshopMatrix, communesQuery: String) {
        communes = matrix.columns.map(\.commune.name)
        communesValue = matrix.columns.map(\.commune.name).joined(separator: ", ")
        rows = matrix.personas.enumerated().map { number, persona in
            return Row(
                persona: persona.firstName, url: SiteURL.persona(.value(persona.id)).path,
                cells: matrix.columns.compactMap { column in
                    column.cells.first { $0.persona.id == persona.id }.map { cell in
                        let hard = cell.difficultNeeds.map(\.service.rawValue).joined(separator: ", ")
                        // Unknown, not broken: name the support no place declares rather than the services.
                        let detail =
                            cell.outcome == .undeclared
                            ? "aucun lieu ne déclare de prise en charge « \(persona.specificSupports.map(\.rawValue).joined(separator: " », « ")) »"
                            : "\(cell.outcome.label)\(hard.isEmpty ? "" : " : \(hard)")"
                        return Cell(
                            symbol: cell.outcome.symbol, cssClass: "outcome-\(cell.outcome.rawValue)",
                            label: "\(cell.metNeeds)/\(cell.totalNeeds) — \(detail)",
                            url: SiteURL.journey(.value(persona.id)).path(query: [("commune", column.commune.code.rawValue)]))
                    }
                })
        }
        summaries = matrix.columns.map { column in
            Summary(
                commune: column.commune.name,
                hardest: column.hardestDescriptions(limit: 4),
                causes: column.blockers.map { "\($0.blocker.label) (\($0.count))" }.joined(separator: ", "))
        }
        legend = Journey.Outcome.allCases.map { Cell(symbol: $0.symbol, cssClass: "outcome-\($0.rawValue)", label: $0.label, url: "") }
        csvURL = SiteURL.workshopCSV.path(encodedQuery: communesQuery)
    }
}
