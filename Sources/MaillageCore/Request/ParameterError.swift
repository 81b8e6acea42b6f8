/// A parameter of a request that could not be understood: its name and what was expected, in French.
///
/// The same requests come from pages, the JSON API and the command line; each shows this error its own way (an error
/// page or form, a 400 with a JSON body, a `--name` option error).
public struct ParameterError: Error, Sendable, Equatable {
    public var parameter: String
    public var message: String
    /// The value is well formed but names nothing known (a commune code no commune has): not found, rather than bad.
    public var namesNothingKnown: Bool

    public init(parameter: String, message: String, namesNothingKnown: Bool = false) {
        self.parameter = parameter
        self.message = message
        self.namesNothingKnown = namesNothingKnown
    }
}
