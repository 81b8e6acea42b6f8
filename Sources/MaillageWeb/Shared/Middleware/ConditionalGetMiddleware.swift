import Hummingbird
import MaillageCore

/// Gives every cacheable answer of a `GET` (exports, the API, the stylesheet; not the pages, which are `no-store`)
/// an `ETag` made from its bytes, unless the handler set one, and `Cache-Control: no-cache` (revalidate each time)
/// unless it set its own; answers `304 Not Modified`, without a body, when the client already has those bytes.
struct ConditionalGetMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Bodies beyond this are sent as they are, untagged.
    static var maxTaggedBytes: Int { 64 << 20 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard request.method == .get, response.status == .ok, response.headers[.cacheControl]?.contains("no-store") != true,
            let length = response.body.contentLength, length <= Self.maxTaggedBytes
        else { return response }
        let body = try await response.body.collected()
        let tag = response.headers[.eTag] ?? "\"\(StableHash.hex(bytes: body.readableBytesView))\""
        response.headers[.eTag] = tag
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-cache" }
        if let asked = request.headers[.ifNoneMatch], Self.matches(asked, tag) {
            return Response(status: .notModified, headers: response.headers.filter { $0.name != .contentLength && $0.name != .contentType })
        }
        response.body = .init(byteBuffer: body)
        return response
    }

    /// `If-None-Match` by weak comparison (RFC 9110 § 13.1.2): `W/` is ignored on both sides; `*` matches.
    static func matches(_ header: String, _ tag: String) -> Bool {
        let own = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        return header.split(separator: ",").contains { candidate in
            let candidate = candidate.trimmed
            return candidate == "*" || (candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate) == own
        }
    }
}
