import Hummingbird

/// Lets a request be worked on only with a turn from ``RequestAdmission`` (taken before the handler, given back once it
/// returns its response: a streamed body, like the workshop's event stream, is written without one); `/health` and
/// `/metrics` never wait. A request refused (queue full, or waited too long) gets a `503` with `Retry-After`, as a page
/// or as JSON under `/api/` like every error; refusals are logged at most once a minute.
struct RequestAdmissionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let admission: RequestAdmission
    /// Renders a refusal the way every error is rendered.
    let errors: ErrorMiddleware

    /// The paths answered at once, whatever the load: a monitor must see the server alive while it is busy.
    private static let neverQueued: Set<String> = [SiteURL.health.path, SiteURL.metrics.path]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.neverQueued.contains(request.uri.path) { return try await next(request, context) }
        let reason: String
        switch await admission.enter() {
        case .admitted:
            defer { admission.leave() }
            return try await next(request, context)
        case .cancelled:
            throw CancellationError()
        case .queueFull(let report):
            reason = "trop de requêtes en attente"
            log(report, reason, context)
        case .timedOut(let report):
            reason = "attente trop longue"
            log(report, reason, context)
        }
        let seconds = ConnectionLimits.retryAfterSeconds
        let refusal = HTTPError(
            .serviceUnavailable, headers: [.retryAfter: "\(seconds)"],
            message: "Serveur momentanément saturé (\(reason)). Réessayez dans \(seconds) secondes.")
        return try await errors.handle(request, context: context) { _, _ in throw refusal }
    }

    private func log(_ report: Int?, _ reason: String, _ context: Context) {
        guard let report else { return }
        let now = admission.current
        context.logger.warning(
            "Requêtes refusées (503) : \(reason)",
            metadata: [
                "refusées": .stringConvertible(report), "en_cours": .stringConvertible(now.inFlight),
                "en_attente": .stringConvertible(now.waiting)
            ])
    }
}
