import MaillageCore

/// `/orienter`: the guided form (needs explained in plain French, constraints), then the ranked answers.
struct OrientationPage: PageModel {
    struct Option {
        var id: String
        var name: String
        var value: String
        var label: String
        var hint: String?
        var checked: Bool
    }

    let template = TemplateName.orient
    /// The form's field names.
    let fields = OrientationField.names
    var title = "Orienter une personne — Maillage"
    var place: String
    var needs: [Option]
    var supports: [Option]
    var languages: [Option]
    var ages: [Option]
    var equipments: [Option]
    var withoutInternet: Bool
    var mobilities: [Option]
    var freeOnly: Bool
    var slots: [Option]
    var error: String?
    var hasResults: Bool
    var summary: String?
    var origin: String?
    var results: [Result]
    var noLocalMatch: Bool
    var neighbours: [Result]
    var hasNeighbours: Bool

    struct Result {
        var place: PlaceSummary
        var sheetURL: String
    }

    /// The network's rule for the situation, step by step.
    struct NetworkRule {
        struct Step {
            var structure: String
            var structureURL: String
            var approach: String
            var contact: String?
            var sheetURL: String?
        }

        var situation: String
        var steps: [Step]
        var note: String?
        var rulesURL: String
    }

    var networkRule: NetworkRule?
    /// Which answer comes first: the network's rule, or only the computed ranking.
    var answerSource: String?

    init(
        parameters: OrientationParameters, result: SearchResult?, error: String? = nil, rule: OrientationRule? = nil,
        directory: StructureDirectory? = nil, index: PlaceIndex? = nil
    ) {
        place = parameters.place ?? ""
        needs = Service.allCases.enumerated().map { i, s in
            Option(
                id: "besoin-\(i)", name: OrientationField.besoin.rawValue, value: s.rawValue, label: s.rawValue, hint: s.plainDescription,
                checked: parameters.needs.contains(s))
        }
        supports = [SpecificSupport.surdite, .deficienceVisuelle, .handicapsMoteurs, .handicapsMentaux, .illettrisme].enumerated().map { i, s in
            Option(
                id: "pec-\(i)", name: OrientationField.priseEnChargeSpecifique.rawValue, value: s.rawValue, label: s.rawValue,
                checked: parameters.supports.contains(s))
        }
        languages = OrientationParameters.Language.allCases.map {
            Option(
                id: "langue-\($0.rawValue)", name: OrientationField.langue.rawValue, value: $0.rawValue, label: $0.label,
                checked: parameters.language == $0)
        }
        ages = OrientationParameters.AgeBand.allCases.map {
            Option(id: "age-\($0.rawValue)", name: OrientationField.age.rawValue, value: $0.rawValue, label: $0.label, checked: parameters.age == $0)
        }
        equipments = OrientationParameters.Equipment.allCases.map {
            Option(
                id: "equipement-\($0.rawValue)", name: OrientationField.equipement.rawValue, value: $0.rawValue, label: $0.label,
                checked: parameters.equipment == $0)
        }
        withoutInternet = !parameters.internetAtHome
        mobilities = OrientationParameters.Mobility.allCases.map {
            Option(
                id: "mobilite-\($0.rawValue)", name: OrientationField.mobilite.rawValue, value: $0.rawValue, label: $0.label,
                checked: parameters.mobility == $0)
        }
        freeOnly = parameters.freeOnly
        slots = Weekday.allCases.dropLast().flatMap { day in
            WeeklySlot.Part.allCases.map { part in
                let slot = WeeklySlot(day: day, part: part)
                return Option(
                    id: "dispo-\(day.frenchName)-\(part.rawValue)", name: OrientationField.dispo.rawValue,
                    value: "\(day.frenchName)-\(part.rawValue)",
                    label: slot.label, checked: parameters.availability.contains(slot))
            }
        }
        self.error = error
        hasResults = result != nil
        summary = result == nil ? nil : parameters.summary
        origin = result?.originCommune.map { "\($0.name) (\($0.code))" }
        func wrap(_ matches: [SearchResult.Match], offset: Int) -> [Result] {
            matches.enumerated().map { number, match in
                Result(
                    place: PlaceSummary(match: match, number: offset + number + 1),
                    sheetURL: SiteURL.orientSheet.path(query: [("lieu", match.entry.place.id)] + parameters.queryItems))
            }
        }
        results = wrap((result?.matches ?? []) + (result?.partialMatches ?? []), offset: 0)
        noLocalMatch = result?.noLocalMatch ?? false
        neighbours = wrap(result?.neighbourMatches ?? [], offset: results.count)
        hasNeighbours = !neighbours.isEmpty
        networkRule = rule.map { rule in
            NetworkRule(
                situation: rule.situationText(communeName: index?.territory.commune(rule.commune)?.name ?? rule.commune.rawValue),
                steps: rule.steps.map { step in
                    let structure = directory?[step.structureID]
                    let place = structure?.placeIDs.first
                    return NetworkRule.Step(
                        structure: structure?.name ?? step.structureID, structureURL: SiteURL.structure(.value(step.structureID)).path,
                        approach: step.approach.label, contact: step.contact.isEmpty ? nil : step.contact,
                        sheetURL: place.map { SiteURL.orientSheet.path(query: [("lieu", $0)] + parameters.queryItems) })
                },
                note: rule.note.isEmpty ? nil : rule.note,
                rulesURL: SiteURL.orientationRules.path(query: [("territoire", rule.territory.rawValue)]))
        }
        answerSource =
            result == nil
            ? nil
            : rule == nil
                ? "Classement calculé par la distance et les critères : le réseau n'a pas de règle d'orientation pour cette situation."
                : "D'abord la règle d'orientation du réseau pour cette situation, puis le classement calculé par la distance et les critères."
    }
}
