import Foundation
import Hummingbird

/// Every request that is not a read (`GET`, `HEAD`) must come from one of the site's own forms: its `Origin`, when
/// the browser sends one, is the site's; its body is at most ``maximumBody`` bytes; and it carries the form token
/// (`_csrf`) of the visitor — the session's for a signed-in person, the form cookie's otherwise. Anything else is
/// refused with 403 (413 for a body too large) before any handler runs, so nothing is changed.
struct FormProtectionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The site's own origin (`https://maillage.example.fr`), when known; otherwise the request's `Host` is.
    let publicOrigin: String?

    static let maximumBody = 65_536
    static let field = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        if let origin = request.headers[.origin], !isOwn(origin: origin, request: request) {
            throw HTTPError(.forbidden, message: "Ce formulaire ne vient pas de ce site : rien n'a été changé.")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maximumBody)
        } catch {
            throw HTTPError(.contentTooLarge, message: "Le formulaire envoyé est trop long (au plus \(Self.maximumBody / 1024) Kio).")
        }
        let sent = try? QueryReader(query: String(buffer: body)).single(Self.field)
        guard let expected = context.visitor.csrfToken, let sent, Self.constantTimeEqual(sent, expected) else {
            throw HTTPError(
                .forbidden, message: "Le formulaire a expiré ou ne vient pas de ce site : rien n'a été changé. Rechargez la page et recommencez.")
        }
        return try await next(request, context)
    }

    private func isOwn(origin: String, request: Request) -> Bool {
        if let publicOrigin { return origin == publicOrigin }
        guard let host = request.head.authority, let url = URL(string: origin), let originHost = url.host else { return false }
        let port = url.port.map { ":\($0)" } ?? ""
        return originHost + port == host || originHost == host
    }

    /// Compares two tokens in a time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
