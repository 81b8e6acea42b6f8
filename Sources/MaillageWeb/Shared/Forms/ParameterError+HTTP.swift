import Hummingbird
import MaillageCore

/// On an API route a ``ParameterError`` becomes a 400 with the JSON error body; pages show it in their error page or form.
extension ParameterError: HTTPResponseError {
    public var status: HTTPResponse.Status { namesNothingKnown ? .notFound : .badRequest }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try APIError(status: status, message: message, parameter: parameter).response(from: request, context: context)
    }
}
