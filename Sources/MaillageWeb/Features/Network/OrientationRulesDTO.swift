import Hummingbird
import MaillageCore

/// `/api/v1/regles-orientation`: a territory's orientation rules « selon les situations », as JSON.
struct OrientationRulesDTO: ResponseEncodable, Sendable {
    struct Step: Encodable, Sendable {
        var structure: String
        var nomStructure: String
        var maniere: String
        var contact: String
    }

    struct Rule: Encodable, Sendable {
        var id: Int
        var commune: String
        var besoin: String
        var `public`: String?
        var contrainte: String?
        /// The situation in words, as the pages write it.
        var situation: String
        var etapes: [Step]
        var note: String
        var modifieeLe: String
    }

    var territoire: String
    var regles: [Rule]

    init(_ rules: [OrientationRule], territory: Siren, directory: StructureDirectory, names: TerritoryData) {
        territoire = territory.rawValue
        regles = rules.map { rule in
            Rule(
                id: rule.id, commune: rule.commune.rawValue, besoin: rule.need.rawValue, public: rule.targetPublic?.rawValue,
                contrainte: rule.constraint?.rawValue,
                situation: rule.situationText(communeName: names.commune(rule.commune)?.name ?? rule.commune.rawValue),
                etapes: rule.steps.map {
                    Step(
                        structure: $0.structureID, nomStructure: directory[$0.structureID]?.name ?? "", maniere: $0.approach.rawValue,
                        contact: $0.contact)
                },
                note: rule.note, modifieeLe: CalendarDay(rule.updatedAt).description)
        }
    }
}
