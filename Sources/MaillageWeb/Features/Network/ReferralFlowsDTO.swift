import Hummingbird
import MaillageCore

/// `/api/v1/orientations`: how many orientations the territory's structures sent one another, per pair — never who
/// for — and those that left the territory.
struct ReferralFlowsDTO: ResponseEncodable, Sendable {
    struct Pair: Encodable, Sendable {
        var structure: String
        var nomStructure: String
        var destinataire: String
        var nomDestinataire: String
        var territoireDestinataire: String?
        var orientations: Int
        var honorees: Int
        var besoins: [String]
    }

    var territoire: String
    var total: Int
    var paires: [Pair]
    var horsTerritoire: [Pair]

    init(_ flows: ReferralFlows, territory: Siren, directory: StructureDirectory) {
        func pair(_ pair: ReferralFlows.Pair) -> Pair {
            Pair(
                structure: pair.from, nomStructure: directory[pair.from]?.name ?? "", destinataire: pair.to,
                nomDestinataire: directory[pair.to]?.name ?? "",
                territoireDestinataire: directory[pair.to]?.territory?.rawValue, orientations: pair.count, honorees: pair.honoured,
                besoins: pair.needs.map(\.rawValue))
        }
        territoire = territory.rawValue
        total = flows.total
        paires = flows.pairs.map(pair)
        horsTerritoire = flows.leaving([territory], structures: directory).map(pair)
    }
}
