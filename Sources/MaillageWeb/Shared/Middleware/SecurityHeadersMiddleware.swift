import Hummingbird

/// Headers every response carries: a Content-Security-Policy without inline script, no MIME sniffing, no framing (but
/// by the sites configured for the public pages), a strict referrer policy, and HSTS over HTTPS.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    private let headers: HTTPFields
    private let publicPageHeaders: HTTPFields

    init(https: Bool, embeddingOrigins: [String]) {
        func fields(frameAncestors: String) -> HTTPFields {
            var fields: HTTPFields = [
                .contentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors \(frameAncestors)",
                .xContentTypeOptions: "nosniff",
                .referrerPolicy: "same-origin"
            ]
            if frameAncestors == "'none'" { fields[.xFrameOptions] = "DENY" }
            if https { fields[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
            return fields
        }
        headers = fields(frameAncestors: "'none'")
        publicPageHeaders = embeddingOrigins.isEmpty ? headers : fields(frameAncestors: embeddingOrigins.joined(separator: " "))
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A page read without a session may be framed by the configured sites; nothing a signed-in person sees may.
        let set = request.method == .get && request.cookies[Cookies.session] == nil ? publicPageHeaders : headers
        for field in set where response.headers[field.name] == nil { response.headers.append(field) }
        return response
    }
}
