import Hummingbird
import MaillageImport

extension AccountRefusal {
    /// The refusal as the web answers it: its status and its French message (``ErrorMiddleware`` uses it for a refusal
    /// thrown by a use case).
    var httpError: HTTPError {
        let status: HTTPResponse.Status =
            switch self {
            case .linkGone, .linkWithdrawn: .gone
            case .awaitingItsOwnLink: .forbidden
            case .secondFactorAlreadyOn: .conflict
            case .wrongCode: .unauthorized
            case .unknownAccount: .notFound
            }
        return HTTPError(status, message: message)
    }
}
