/// Where a role applies: the whole instance, a territory (an EPCI, by its SIREN) or one structure.
public enum Scope: Hashable, Sendable, Comparable, CustomStringConvertible {
    case instance
    case territory(Siren)
    /// A structure, by its identifier (a place's identifier until structures have their own register).
    case structure(String)

    public enum Kind: String, Sendable, CaseIterable {
        case instance, territory, structure
    }

    public var kind: Kind {
        switch self {
        case .instance: .instance
        case .territory: .territory
        case .structure: .structure
        }
    }

    /// The scope's value as stored (empty for the instance).
    public var value: String {
        switch self {
        case .instance: ""
        case .territory(let siren): siren.rawValue
        case .structure(let id): id
        }
    }

    /// A scope from its stored kind and value; nil when the value does not fit the kind.
    public init?(kind: Kind, value: String) {
        switch kind {
        case .instance:
            guard value.isEmpty else { return nil }
            self = .instance
        case .territory:
            guard let siren = Siren(value) else { return nil }
            self = .territory(siren)
        case .structure:
            guard !value.isEmpty, value.storedLength <= 120 else { return nil }
            self = .structure(value)
        }
    }

    public var description: String {
        switch self {
        case .instance: "toute l'instance"
        case .territory(let siren): "territoire \(siren.rawValue)"
        case .structure(let id): "structure \(id)"
        }
    }

    public static func < (lhs: Scope, rhs: Scope) -> Bool { (lhs.kind.rawValue, lhs.value) < (rhs.kind.rawValue, rhs.value) }
}
