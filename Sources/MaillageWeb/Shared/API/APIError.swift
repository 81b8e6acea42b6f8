import Foundation
import Hummingbird

/// A JSON API error: `{"error": {"message": …, "parameter": …}}` with its status.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// The query parameter at fault, when one is.
    var parameter: String?

    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: message, parameter: name)
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var message: String
            var parameter: String?
        }
        var error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(Body(error: .init(message: message, parameter: parameter)), from: request, context: context)
        response.status = status
        return response
    }
}
