import Foundation
import Hummingbird
import MaillageCore

/// Refuses, with a `400` naming it, a query parameter the OpenAPI document does not list for the operation
/// (`/api/v1/recherche?servics=…`): a typo is said, not silently ignored. The lists come from the document itself, so
/// that the API and its description cannot drift apart.
struct APIParametersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// An operation's path, split into segments (`{id}` matches any segment), and the parameters it takes.
    struct Operation: Sendable {
        let segments: [String]
        let parameters: Set<String>

        func matches(_ path: [Substring]) -> Bool {
            path.count == segments.count && zip(path, segments).allSatisfy { $1.hasPrefix("{") || $0 == $1 }
        }
    }

    static var prefix: String { "/api/v1" }
    let operations: [Operation]

    init(document: Data = OpenAPIController.document) {
        let object = (try? JSONSerialization.jsonObject(with: document)) as? [String: Any]
        let paths = object?["paths"] as? [String: [String: Any]] ?? [:]
        operations = paths.map { path, methods in
            let parameters = ((methods["get"] as? [String: Any])?["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" }
            let names = parameters.flatMap { parameter -> [String] in
                // an object exploded into the query (`position`: lat and lon) brings its properties
                if parameter["explode"] as? Bool == true, let properties = (parameter["schema"] as? [String: Any])?["properties"] as? [String: Any] {
                    return Array(properties.keys)
                }
                return [parameter["name"] as? String].compactMap { $0 }
            }
            return Operation(segments: path.split(separator: "/").map(String.init), parameters: Set(names))
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix(Self.prefix + "/"), let query = request.uri.query, !query.isEmpty else { return try await next(request, context) }
        let segments = path.dropFirst(Self.prefix.count).split(separator: "/")
        guard let operation = operations.first(where: { $0.matches(segments) }) else { return try await next(request, context) }
        if let unknown = QueryReader(query: query).names.subtracting(operation.parameters).sorted().first {
            let accepted = operation.parameters.sorted().joined(separator: ", ")
            throw ParameterError(
                parameter: String(unknown.prefix(40)),
                message: "paramètre inconnu « \(unknown.prefix(40)) » ; paramètres acceptés : \(accepted.isEmpty ? "aucun" : accepted)")
        }
        return try await next(request, context)
    }
}
