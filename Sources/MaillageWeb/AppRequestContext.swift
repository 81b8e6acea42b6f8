import Foundation
import Hummingbird

/// The request context of Maillage: JSON in snake_case, as the national standard names its fields.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage

    init(source: Source) { coreContext = .init(source: source) }

    var responseEncoder: JSONEncoder { Self.jsonEncoder }

    /// One encoder for every response (its configuration never changes).
    static let jsonEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
