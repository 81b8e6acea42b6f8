import HTTPTypes
import Hummingbird

extension RouterMethods {
    /// Registers `handler` for `method` on the route `url` names (built with `.key` for its parameters).
    @discardableResult
    func on(
        _ method: HTTPRequest.Method, _ url: SiteURL,
        use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(RouterPath(url.path), method: method, use: handler)
    }

    @discardableResult
    func get(_ url: SiteURL, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(.get, url, use: handler)
    }

    @discardableResult
    func post(_ url: SiteURL, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(.post, url, use: handler)
    }
}
