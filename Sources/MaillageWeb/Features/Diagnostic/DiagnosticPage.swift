import MaillageCore

/// `/diagnostic`: the territorial diagnostic of a perimeter, key figures first, then the map, the matrix, the gaps,
/// the neighbour register and the assumptions. Prints as an A4 report.
struct DiagnosticPage: PageModel {
    struct Figure {
        var value: String
        var label: String
    }

    struct Field {
        var name: String
        var value: String
    }

    struct NeedOption {
        var key: String
        var label: String
        var selected: Bool
        var url: String
    }

    struct MatrixRow {
        var commune: String
        var url: String
        var population: String
        var cells: [MatrixCell]
    }

    struct MatrixCell {
        var symbol: String
        var cssClass: String
        var title: String
    }

    struct SummaryRow {
        var need: String
        var inCommune: String
        var withinReach: String
        var elsewhere: String
        var none: String
        var undeclared: String
    }

    /// One lens and what the places declare for it.
    struct DeclarationRow {
        var need: String
        var statement: String
        var isDataGap: Bool
    }

    struct GapRow {
        var rank: String
        var commune: String
        var need: String
        var reason: String
    }

    struct DependencyRow {
        var commune: String
        var need: String
        var place: String
        var placeURL: String
        var whereTo: String
        var distance: String
    }

    struct LegendItem {
        var symbol: String
        var cssClass: String
        var label: String
    }

    /// Set for the standalone report: the stylesheet is inlined and links resolve against the site.
    struct Standalone {
        var stylesheet: String
        var baseURL: String?
    }

    struct QPVRow {
        var code: String
        var communes: String
        var population: String
        var places: String
        var distances: [String]
    }

    struct PlacementChoice {
        var commune: String
        var url: String
        var covers: String
        var inhabitants: String
        var sitePopulation: String
        var siteWasCovered: Bool
    }

    struct Placement {
        var needs: [NeedOption]
        var need: String
        var k: String
        var minutes: String
        /// The placement's meaning of « à portée », with its minutes (``Reach/byBus``).
        var reach: String
        var reachName: String
        var choices: [PlacementChoice]
        var hasChoices: Bool
        var before: String
        var after: String
    }

    let template = TemplateName.diagnostic
    var standalone: Standalone?
    var title: String
    var name: String
    var figures: [Figure]
    var needs: [NeedOption]
    var selectedNeed: String
    var selectedKey: String
    /// The perimeter as hidden form fields, so that the forms keep it.
    var perimeterFields: [Field]
    var map: String
    var legend: [LegendItem]
    var serviceHeaders: [String]
    var matrix: [MatrixRow]
    var declarations: [DeclarationRow]
    var summaries: [SummaryRow]
    /// The diagnostic's meaning of « à portée », with its threshold (``Reach/inPerimeterByBus``), as the summary's header.
    var reach: String
    var gaps: [GapRow]
    /// The missing places register of the perimeter's communes, beside the computed gaps.
    var register: [String] = []
    var hasRegister = false
    /// The orientations the perimeter's structures sent to another territory's.
    var referralsLeaving: ReferralsLeaving?
    var dependencies: [DependencyRow]
    var hasDependencies: Bool
    var outflows: [String]
    var qpvRows: [QPVRow]
    var hasQPVs: Bool
    var placement: Placement
    var reportURL: String
    var neighbours: String
    var assumptions: [String]
    var jsonURL: String
    var csvURL: String
    var standardCSVURL: String
    var geojsonURL: String

    init(diagnostic: Diagnostic, selected: Need, perimeterItems: [(String, String)], index: PlaceIndex, placement request: PlacementRequest) {
        let proposal = diagnostic.placementProposal(
            for: request.need, k: request.k, maxMinutes: request.minutes, fragility: index.territory.fragility)
        let query = URLQuery.encode(perimeterItems)
        perimeterFields = perimeterItems.map { Field(name: $0.0, value: $0.1) }
        selectedKey = selected.key
        title = "Diagnostic — \(diagnostic.perimeter.name) — Maillage"
        name = diagnostic.perimeter.name
        let services = diagnostic.summaries.filter { if case .service = $0.need { true } else { false } }
        let total = diagnostic.population
        let reached = CoverageClass.allCases.filter(\.isWithinReach)
        let coveredEverywhere = services.filter { summary in reached.reduce(0) { $0 + (summary.population[$1] ?? 0) } == total }.count
        let noPlace = diagnostic.rows.filter { $0.places == 0 }
        figures = [
            Figure(value: French.integer(diagnostic.rows.count), label: "communes"),
            Figure(value: French.integer(total), label: "habitants"),
            Figure(value: French.integer(diagnostic.placeCount), label: "lieux avec une offre déclarée"),
            Figure(value: French.integer(diagnostic.recordedOnlyCount), label: "lieux recensés sans offre déclarée (non comptés)"),
            Figure(
                value: French.decimal(total > 0 ? Double(diagnostic.placeCount) * 10_000 / Double(total) : 0),
                label: "lieux avec une offre pour 10 000 habitants"),
            Figure(
                value: French.integer(noPlace.count),
                label: "communes sans aucun lieu qui déclare une offre (\(French.integer(noPlace.reduce(0) { $0 + $1.commune.population })) hab.)"),
            Figure(
                value: "\(coveredEverywhere) / 9", label: "services dans la commune ou \(diagnostic.parameters.reach.name) pour tous les habitants")
        ]
        let base = query.isEmpty ? "" : query + "&"
        needs = diagnostic.needs.map {
            NeedOption(key: $0.key, label: $0.label, selected: $0 == selected, url: SiteURL.diagnostic.path(encodedQuery: base + "besoin=" + $0.key))
        }
        selectedNeed = selected.label
        legend = CoverageClass.allCases.map { LegendItem(symbol: $0.symbol, cssClass: "cov-\($0.rawValue)", label: $0.label) }
        var fills: [CommuneCode: (cssClass: String, symbol: String)] = [:]
        for row in diagnostic.rows {
            if let cell = row.cells.first(where: { $0.need == selected }) {
                fills[row.commune.code] = ("cov-\(cell.coverage.rawValue)", cell.coverage.symbol)
            }
        }
        map = SVGMap(
            title: "Couverture : \(selected.label)",
            description: "Chaque commune colorée selon où ses habitants trouvent ce service ; même information dans le tableau",
            communes: diagnostic.rows.map(\.commune), fills: fills,
            fillLegend: CoverageClass.allCases.map { ("cov-\($0.rawValue)", $0.symbol, $0.label) },
            labelled: SVGMap.names(among: diagnostic.rows.map(\.commune)), width: 640, height: 520
        ).render()
        let serviceNeeds = Service.allCases.map(Need.service)
        serviceHeaders = serviceNeeds.map(\.label)
        matrix = diagnostic.rows.map { row in
            MatrixRow(
                commune: row.commune.name, url: SiteURL.communeDiagnostic(.value(row.commune.code)).path(encodedQuery: query),
                population: French.integer(row.commune.population),
                cells: serviceNeeds.map { need in
                    let cell = row.cells.first { $0.need == need }
                    let coverage = cell?.coverage ?? .none
                    let detail = cell?.nearest.map { " — \($0.placeName), \($0.communeName), \(Distance.french($0.distanceMetres))" } ?? ""
                    // The column header already names the service (and screen readers announce it).
                    return MatrixCell(symbol: coverage.symbol, cssClass: "cov-\(coverage.rawValue)", title: "\(coverage.label)\(detail)")
                })
        }
        func share(_ summary: Diagnostic.NeedSummary, _ classes: [CoverageClass]) -> String {
            let people = classes.reduce(0) { $0 + (summary.population[$1] ?? 0) }
            return "\(French.decimal(total > 0 ? Double(people) * 100 / Double(total) : 0, digits: 0)) %"
        }
        summaries = diagnostic.summaries.map { summary in
            SummaryRow(
                need: summary.need.label, inCommune: share(summary, [.inCommune]), withinReach: share(summary, [.withinReach]),
                elsewhere: share(summary, [.outOfReach, .neighbourOnly]), none: share(summary, [.none]),
                undeclared: share(summary, [.undeclared]))
        }
        reach = diagnostic.parameters.reach.label
        declarations = diagnostic.lensDeclarations.map { DeclarationRow(need: $0.need.label, statement: $0.statement, isDataGap: $0.declaring == 0) }
        let names = Dictionary(uniqueKeysWithValues: diagnostic.rows.map { ($0.commune.code, $0.commune.name) })
        gaps = diagnostic.gaps.prefix(15).enumerated().map { index, gap in
            GapRow(rank: String(index + 1), commune: names[gap.commune] ?? gap.commune.rawValue, need: gap.need.label, reason: gap.reason)
        }
        dependencies = diagnostic.dependencies.prefix(60).map { dependency in
            DependencyRow(
                commune: names[dependency.commune] ?? dependency.commune.rawValue, need: dependency.need.label,
                place: dependency.answer.placeName, placeURL: SiteURL.place(.value(dependency.answer.placeID)).path,
                whereTo: dependency.answer.communeName, distance: Distance.french(dependency.answer.distanceMetres))
        }
        hasDependencies = !dependencies.isEmpty
        outflows = diagnostic.outflows.prefix(10).map {
            "\($0.communeName) : réponse la plus proche pour \(French.count($0.pairs, "besoin d'une commune", "besoins de communes")) du périmètre, \(French.count($0.population, "habitant concerné", "habitants concernés"))"
        }
        neighbours = diagnostic.neighbourEPCIs.map(\.name).joined(separator: ", ")
        assumptions = diagnostic.parameters.statements
        qpvRows = diagnostic.qpvs.map { lens in
            QPVRow(
                code: lens.qpv.code, communes: lens.qpv.communeNames, population: French.integer(lens.qpv.population),
                places: French.integer(lens.placesInItsCommunes),
                distances: serviceNeeds.map { need in lens.nearest[need].map { Distance.french($0.distanceMetres) } ?? "—" })
        }
        hasQPVs = !qpvRows.isEmpty
        placement = Self.placement(proposal, requestedK: request.k, diagnostic: diagnostic, names: names, query: query)
        reportURL = SiteURL.diagnosticReport.path(encodedQuery: query)
        jsonURL = SiteURL.api(.diagnostic).path(encodedQuery: query)
        csvURL = SiteURL.api(.diagnosticCSV).path(encodedQuery: query)
        standardCSVURL = SiteURL.api(.diagnosticCSV).path(encodedQuery: base + "dialecte=standard")
        geojsonURL = SiteURL.api(.diagnosticGeoJSON).path(encodedQuery: query)
    }

    private static func placement(
        _ proposal: PlacementProposal, requestedK: Int, diagnostic: Diagnostic, names: [CommuneCode: String], query: String
    ) -> Placement {
        let total = max(proposal.totalWeight, 1)
        var covered = proposal.initiallyCovered
        let choices = proposal.choices.map { choice in
            covered += choice.weightGained
            return PlacementChoice(
                commune: choice.communeName,
                url: SiteURL.communeDiagnostic(.value(choice.commune)).path(encodedQuery: query),
                covers: choice.newlyCovered.map { names[$0] ?? $0.rawValue }.joined(separator: ", "),
                inhabitants: French.count(choice.inhabitantsGained, "habitant", "habitants"),
                sitePopulation: French.integer(choice.sitePopulation), siteWasCovered: choice.siteWasCovered)
        }
        return Placement(
            needs: diagnostic.needs.map { NeedOption(key: $0.key, label: $0.label, selected: $0 == proposal.need, url: "") },
            need: proposal.need.label, k: String(requestedK), minutes: French.decimal(proposal.reach.minutes, digits: 0),
            reach: proposal.reach.label, reachName: proposal.reach.name,
            choices: choices, hasChoices: !choices.isEmpty,
            before: French.decimal(proposal.initiallyCovered * 100 / total, digits: 0) + " %",
            after: French.decimal(covered * 100 / total, digits: 0) + " %")
    }
}
