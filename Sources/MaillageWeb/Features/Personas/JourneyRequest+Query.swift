import MaillageCore

extension JourneyRequest {
    /// The journey a page or the API asks for with `commune` and `si`.
    init(_ reader: QueryReader, persona: Persona, snapshot: IndexStore.Snapshot) throws(ParameterError) {
        try self.init(
            persona: persona, commune: try reader.single("commune"), whatIf: try reader.single("si"), index: snapshot.index, rules: snapshot.rules)
    }
}
