import Hummingbird
import MaillageCore

extension PlaceIndexReading {
    /// The territory a page is asked for (`territoire`, or `focus`), which must be in the base: a 404 otherwise.
    func knownTerritory(_ reader: QueryReader, default focus: Siren) throws -> Siren {
        let siren = try reader.territory(default: focus)
        guard current.territory.epcis[siren] != nil else { throw HTTPError(.notFound, message: "Ce territoire n'est pas dans la base.") }
        return siren
    }
}
