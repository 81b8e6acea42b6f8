import Hummingbird

/// Answers `HEAD` as `GET` would, without the body (monitoring tools and link checkers use it): the route's status,
/// headers and length. It wraps the router, which matches routes by method before its middlewares run.
struct HeadResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == AppRequestContext {
    let inner: Inner

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        guard request.method == .head else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        // The length the body would have, with no body written.
        response.body = ResponseBody(contentLength: response.body.contentLength) { writer in try await writer.finish(nil) }
        return response
    }
}
