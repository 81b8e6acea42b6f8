import Foundation
import Hummingbird
import MaillageSources

/// Sends text answers (pages, stylesheet, JSON, GeoJSON, CSV, SVG) gzip-compressed to clients that accept it: the
/// diagnostic page goes from 181 KB to about 22 KB. Small answers and streamed ones go as they are. A compressed
/// answer's `ETag` becomes weak (the bytes differ from the uncompressed ones; `If-None-Match` compares weakly).
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Below this, compression saves less than it costs.
    static var minimumBytes: Int { 1_024 }
    static var maximumBytes: Int { 64 << 20 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard Self.isCompressible(response.headers[.contentType]), response.headers[.contentEncoding] == nil else { return response }
        response.headers[.vary] = response.headers[.vary].map { "\($0), Accept-Encoding" } ?? "Accept-Encoding"
        guard Self.acceptsGzip(request.headers[.acceptEncoding]), let length = response.body.contentLength,
            (Self.minimumBytes...Self.maximumBytes).contains(length)
        else { return response }
        let body = try await response.body.collected()
        let compressed = FileLoader.gzip(Data(body.readableBytesView), level: 6)
        response.body = .init(byteBuffer: ByteBuffer(bytes: compressed))
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = nil
        if let tag = response.headers[.eTag], !tag.hasPrefix("W/") { response.headers[.eTag] = "W/\(tag)" }
        return response
    }

    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.split(separator: ";").first?.trimmed.lowercased() else { return false }
        return type.hasPrefix("text/") || ["application/json", "application/geo+json", "image/svg+xml", "application/xml"].contains(type)
    }

    /// Whether `Accept-Encoding` lists gzip (or `*`) with a non-zero quality.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { item in
            let parts = item.split(separator: ";").map { $0.trimmed.lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}
