import MaillageCore

/// The diagnostic's « Orientations parties hors du territoire »: of the orientations the territory's structures sent
/// with Maillage, those received by a structure of another territory, per pair — counted, never who for.
struct ReferralsLeaving {
    var summary: String
    var pairs: [String]
    var hasPairs: Bool

    init(flows: ReferralFlows, territories: Set<Siren>, structures: StructureDirectory, territory: TerritoryData) {
        let leaving = flows.leaving(territories, structures: structures)
        let left = leaving.reduce(0) { $0 + $1.count }
        summary =
            switch (flows.total, left) {
            case (0, _): "Aucune orientation n'a encore été envoyée entre structures avec Maillage sur ce territoire."
            case (let total, 0):
                "Aucune des \(French.count(total, "orientation envoyée", "orientations envoyées")) par les structures du territoire n'est partie hors du territoire."
            case (let total, let left):
                "\(left) des \(French.count(total, "orientation envoyée", "orientations envoyées")) par les structures du territoire "
                    + (left > 1 ? "sont parties" : "est partie")
                    + " vers une structure d'un autre territoire : des besoins que le territoire ne couvre pas encore, ou des accords avec ses voisins."
            }
        pairs = leaving.map(
            ReferralFlows.Pair.sentence(from: { structures[$0]?.name ?? $0 }) { id in
                guard let structure = structures[id] else { return "une structure qui n'est plus dans l'annuaire" }
                let elsewhere = structure.territory.flatMap { territory.epcis[$0]?.name }
                return structure.name + (elsewhere.map { " (\($0))" } ?? "")
            })
        hasPairs = !pairs.isEmpty
    }
}
