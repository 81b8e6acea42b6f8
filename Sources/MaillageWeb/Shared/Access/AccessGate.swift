import Hummingbird
import MaillageCore

/// The policy as routes ask it: a request that may not do an action is refused before anything changes — asked to
/// sign in when nobody is, refused (403) when the person lacks the role.
struct AccessGate: Sendable {
    let policy: AccessPolicy

    /// The signed-in person if they may do `action`; throws ``SignInRequired`` or a 403 otherwise.
    @discardableResult
    func require(_ action: Action, _ request: Request, _ context: AppRequestContext) throws -> Actor {
        guard let actor = context.visitor.actor else { throw SignInRequired(returnTo: request.uri.path) }
        guard policy.allows(actor, action) else {
            throw HTTPError(.forbidden, message: "Votre compte n'a pas le rôle qu'il faut pour cela. Demandez-le au coordinateur du territoire.")
        }
        return actor
    }

    /// The signed-in person, whatever their roles.
    func signedIn(_ request: Request, _ context: AppRequestContext) throws -> Actor {
        guard let actor = context.visitor.actor else { throw SignInRequired(returnTo: request.uri.path) }
        return actor
    }

    func allows(_ context: AppRequestContext, _ action: Action) -> Bool { policy.allows(context.visitor.actor, action) }
}

/// Nobody is signed in: a page read sends to the sign-in page (and back), a form is refused with 401.
struct SignInRequired: HTTPResponseError {
    var returnTo: String
    var status: HTTPResponse.Status { .unauthorized }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .unauthorized)
    }
}
