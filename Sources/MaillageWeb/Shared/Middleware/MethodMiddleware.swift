import Hummingbird

/// Answers `405 Method Not Allowed`, with `Allow`, to the methods the site never serves: the API only reads (`GET`,
/// `HEAD`), the pages read and post forms (`GET`, `HEAD`, `POST`); `TRACE`, `PUT`, `DELETE`, `OPTIONS`… go no further.
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let allowed: [HTTPRequest.Method] = request.uri.path.hasPrefix("/api/") ? [.get, .head] : [.get, .head, .post]
        guard allowed.contains(request.method) else {
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")],
                message: "Méthode \(request.method.rawValue) non acceptée ici : \(allowed.map(\.rawValue).joined(separator: ", ")).")
        }
        return try await next(request, context)
    }
}
