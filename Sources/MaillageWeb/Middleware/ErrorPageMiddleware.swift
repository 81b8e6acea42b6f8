import Hummingbird

/// Turns errors on HTML routes into a French error page; `/api/` routes keep their JSON errors.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if request.uri.path.hasPrefix("/api/") { throw error }
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            if status.code >= 500 { context.logger.error("Erreur interne", metadata: ["error": "\(error)"]) }
            let message = status.code < 500 ? ((error as? HTTPError)?.body ?? (error as? ParameterError)?.message) : nil
            var page = pages.render(ErrorPage(status: status.code, message: message))
            page.status = status
            return try page.response(from: request, context: context)
        }
    }
}
