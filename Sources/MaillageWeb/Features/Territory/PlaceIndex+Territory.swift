import Hummingbird
import MaillageCore

extension PlaceIndex {
    /// The places of a territory (EPCI).
    func entries(ofTerritory siren: Siren) -> [Entry] { entries.filter { $0.epci == siren } }

    /// The places of a territory by the key of each of their records: what validated fields and declarations refer to.
    func entriesByRecord(ofTerritory siren: Siren) -> [String: Entry] {
        var byRecord: [String: Entry] = [:]
        for entry in entries(ofTerritory: siren) { for provenance in entry.merged.provenances { byRecord[provenance.key] = entry } }
        return byRecord
    }
}

extension AppRequestContext {
    /// The route's `siren` parameter when it names a territory of the index; 404 otherwise.
    func territoryParameter(in index: PlaceIndex) throws -> Siren {
        guard let siren = Siren(try parameters.require("siren")), index.territory.epcis[siren] != nil else {
            throw HTTPError(.notFound, message: "Ce territoire n'est pas dans la base.")
        }
        return siren
    }
}
