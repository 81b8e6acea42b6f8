import HTTPTypes
import MaillageCore

/// A path parameter: `.key` names it in a route pattern, `.value` fills it in a link.
enum Parameter<Value: Hashable & Sendable>: Hashable, Sendable {
    case key
    case value(Value)

    func component(_ name: String) -> SiteURL.Component {
        switch self {
        case .key: .parameter(name: name, value: nil)
        case .value(let value): .parameter(name: name, value: Self.text(value))
        }
    }

    private static func text(_ value: Value) -> String {
        switch value {
        case let code as CommuneCode: code.rawValue
        case let siren as Siren: siren.rawValue
        default: "\(value)"
        }
    }
}
