import Foundation
import Hummingbird
import MaillageCore
import MaillageStorage

/// Recognises the signed-in person from the session cookie (``Cookies/session``), and a workshop participant from
/// their pass (``Cookies/workshopPass``), and puts them in the context. A request without these cookies never touches
/// the database; an unknown or ended session is answered as a visitor's and its cookie cleared.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let sessions: SessionRepository
    let accounts: AccountRepository
    let workshop: WorkshopRepository
    let lifetime: SessionRepository.Lifetime
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.visitor.csrfToken = request.cookies[Cookies.form]?.value
        if let pass = request.cookies[Cookies.workshopPass]?.value { context.visitor.workshopPass = try await workshop.pass(token: pass) }
        guard let token = request.cookies[Cookies.session]?.value else { return try await next(request, context) }
        if let session = try await sessions.find(token: token, now: Date(), lifetime: lifetime),
            let actor = try await accounts.find(id: session.accountID)?.actor
        {
            context.visitor = Visitor(actor: actor, sessionToken: token, csrfToken: session.csrfToken, workshopPass: context.visitor.workshopPass)
            return try await next(request, context)
        }
        var response = try await next(request, context)
        response.setCookie(Cookies.clear(Cookies.session, secure: secureCookies))
        return response
    }
}
