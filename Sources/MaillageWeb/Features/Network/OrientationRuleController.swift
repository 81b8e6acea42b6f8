import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

/// `/orienter/regles`: the network's orientation rules, read by everyone, kept by the territory's animateurs and
/// coordinators.
struct OrientationRuleController {
    let index: any PlaceIndexReading & StructureDirectoryReading & IndexRefreshing
    let rules: OrientationRuleRepository
    let pages: PageRenderer
    let gate: AccessGate
    let focus: Siren

    func register(on router: Router<AppRequestContext>) {
        router.get(.orientationRules, use: list)
        router.post(.orientationRules, use: create)
        router.post(.deleteOrientationRule(.key), use: delete)
        router.get(.api(.orientationRules)) { request, _ in
            let siren = try index.knownTerritory(QueryReader(request), default: focus)
            return OrientationRulesDTO(
                try await rules.all(territory: siren), territory: siren, directory: index.structures, names: index.current.territory)
        }
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> HTML {
        try await page(try index.knownTerritory(QueryReader(request), default: focus), context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let reader = try await QueryReader.form(request)
        let siren = try index.knownTerritory(reader, default: focus)
        let actor = try gate.require(.curateOrientation(siren), request, context)
        var problems: [FieldProblem] = []
        guard let need = try reader.single(OrientationRuleFormField.besoin).flatMap(Service.init(rawValue:)) else {
            throw ParameterError(parameter: OrientationRuleFormField.besoin.rawValue, message: "« besoin » attend un des 9 services")
        }
        let targetPublic = try reader.single(OrientationRuleFormField.targetPublic)
        if let targetPublic, TargetPublic(rawValue: targetPublic) == nil {
            problems.append(.init(field: "Public", expected: "un public du standard"))
        }
        var steps: [OrientationRule.Step] = []
        for row in 0..<OrientationRulesPage.rows {
            guard let structure = try reader.single(OrientationRuleFormField.step(row, "structure")) else { continue }
            steps.append(
                OrientationRule.Step(
                    structureID: structure, approach: try reader.choice(OrientationRuleFormField.step(row, "maniere")) ?? .sePresenter,
                    contact: try reader.text(OrientationRuleFormField.step(row, "contact"), maximumLength: 2_000) ?? ""))
        }
        let constraint: OrientationRule.Constraint? = try reader.choice(OrientationRuleFormField.contrainte)
        let note = try reader.text(OrientationRuleFormField.note, maximumLength: 20_000) ?? ""
        if let commune = try reader.single(OrientationRuleFormField.commune).flatMap(CommuneCode.init) {
            let rule = OrientationRule(
                territory: siren, commune: commune, need: need, targetPublic: targetPublic.flatMap(TargetPublic.init(rawValue:)),
                constraint: constraint, steps: steps, note: note, updatedAt: Date())
            problems += rule.problems(in: index.current.territory, structures: index.structures)
            if problems.isEmpty {
                _ = try await rules.create(rule, by: Author(actor))
                // The journeys and `/orienter` of this instance follow at once (the others at their next refresh).
                try await index.refreshIfChanged()
                return .redirect(to: SiteURL.orientationRules.path(query: [("territoire", siren.rawValue)]), type: .found)
            }
        } else {
            problems.append(.init(field: "Commune", expected: "une commune du territoire"))
        }
        var html = try await page(siren, context: context, problems: problems)
        html.status = .unprocessableContent
        return try html.response(from: request, context: context)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        let siren = try index.knownTerritory(try await QueryReader.form(request), default: focus)
        let actor = try gate.require(.curateOrientation(siren), request, context)
        guard let id = Int(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: "Règle inconnue.") }
        do {
            try await rules.delete(id: id, territory: siren, by: Author(actor))
        } catch is RowNotFound {
            throw HTTPError(.notFound, message: "Cette règle n'est pas une règle du territoire.")
        }
        try await index.refreshIfChanged()
        return .redirect(to: SiteURL.orientationRules.path(query: [("territoire", siren.rawValue)]), type: .found)
    }

    private func page(_ siren: Siren, context: AppRequestContext, problems: [FieldProblem] = []) async throws -> HTML {
        pages.render(
            OrientationRulesPage(
                rules: try await rules.all(territory: siren), siren: siren, territory: index.current.territory, directory: index.structures,
                canCurate: gate.allows(context, .curateOrientation(siren)), problems: problems), for: context.visitor)
    }
}
