import Hummingbird

/// A query parameter that could not be understood: its name and what was expected, in French.
/// On an API route it becomes a 400 with the JSON error body; pages show it in their error page or form.
struct ParameterError: Error, Sendable, HTTPResponseError {
    var parameter: String
    var message: String

    var status: HTTPResponse.Status { .badRequest }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try APIError.badParameter(parameter, message).response(from: request, context: context)
    }
}
