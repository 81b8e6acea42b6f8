import Hummingbird
import MaillageCore
import MaillageImport

/// The one place errors become responses: a JSON error body on `/api/` routes, a French error page elsewhere; every
/// 5xx is logged with its cause (the person sees no internal detail), but a `503` refused on purpose only at debug level.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let signIn as SignInRequired where request.method == .get && !request.uri.path.hasPrefix("/api/") {
            return .redirect(to: SiteURL.signIn.path(query: [("retour", signIn.returnTo)]), type: .found)
        } catch let thrown {
            // A use case's refusal is answered as its status says (``AccountRefusal/httpError``).
            let error = (thrown as? AccountRefusal)?.httpError ?? thrown
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            if status == .serviceUnavailable, error is HTTPError {
                // a refusal on purpose (a cap reached, a computation stopped): its cap reports it, not as a fault
                context.logger.debug("Requête refusée", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            } else if status.code >= 500 {
                context.logger.error("Erreur interne", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            // a computation stopped by its deadline says so (503), other server errors say nothing of their cause
            let message = status.code < 500 || status == .serviceUnavailable ? Self.publicMessage(of: error) : nil
            if request.uri.path.hasPrefix("/api/") {
                let apiError =
                    (error as? APIError)
                    ?? APIError(
                        status: status, message: message ?? status.frenchReason,
                        parameter: (error as? ParameterError)?.parameter)
                return Self.keepingHeaders(of: error, try apiError.response(from: request, context: context))
            }
            var page = pages.render(ErrorPage(status: status.code, message: message), for: context.visitor)
            page.status = status
            return Self.keepingHeaders(of: error, try page.response(from: request, context: context))
        }
    }

    /// The response with the headers the error carries (`Allow` of a 405).
    static func keepingHeaders(of error: any Error, _ response: Response) -> Response {
        guard let headers = (error as? HTTPError)?.headers, !headers.isEmpty else { return response }
        var response = response
        for field in headers where response.headers[field.name] == nil { response.headers.append(field) }
        return response
    }

    /// What a client error says to the person, when it says something.
    private static func publicMessage(of error: any Error) -> String? {
        switch error {
        case let error as HTTPError: error.body
        case let error as ParameterError: error.message
        case let error as APIError: error.message
        case is SignInRequired: "Connectez-vous d'abord."
        default: nil
        }
    }
}
