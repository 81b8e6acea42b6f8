import MaillageCore

extension QueryReader {
    /// The territory a page is asked for (`territoire`, a SIREN), or `focus` when none is given.
    func territory(default focus: Siren) throws(ParameterError) -> Siren {
        guard let text = try single("territoire") else { return focus }
        guard let siren = Siren(text) else { throw ParameterError(parameter: "territoire", message: "un SIREN de 9 chiffres") }
        return siren
    }
}
