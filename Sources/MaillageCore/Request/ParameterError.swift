/// A parameter of a request that could not be understood: its name and what was expected, in French.
///
/// The same requests come from pages, the JSON API and the command line; each shows this error its own way (an error
/// page or form, a 400 with a JSON body, a `--name` option error).
public struct ParameterError: Error, Sendable, Equatable {
    public var parameter: String
    public var message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }
}
