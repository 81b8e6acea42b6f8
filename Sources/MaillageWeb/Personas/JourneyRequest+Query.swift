import MaillageCore

extension JourneyRequest {
    /// The journey a page or the API asks for with `commune` and `si`.
    init(_ reader: QueryReader, persona: Persona, index: PlaceIndex) throws(ParameterError) {
        try self.init(persona: persona, commune: try reader.single("commune"), whatIf: try reader.single("si"), index: index)
    }
}
