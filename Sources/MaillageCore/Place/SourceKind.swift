/// The files Maillage reads places from.
public enum SourceKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// What the structures declared and a coordinator validated: first, above every national file.
    case declaration = "declaration"
    /// A file in the national standard (CSV or JSON), e.g. the national consolidated export.
    case standard = "standard"
    case franceServices = "france-services"
    case conseillerNumerique = "conseiller-numerique"
    case dataInclusion = "data-inclusion"
    case bibliotheques = "bibliotheques"
    case aidantsConnect = "aidants-connect"

    /// French label for pages and reports.
    public var label: String {
        switch self {
        case .declaration: "Déclaré par la structure"
        case .standard: "Standard national"
        case .franceServices: "France Services (ANCT)"
        case .conseillerNumerique: "Conseillers numériques (ANCT)"
        case .dataInclusion: "data·inclusion"
        case .bibliotheques: "Bibliothèques publiques (Ministère de la Culture)"
        case .aidantsConnect: "Aidants Connect"
        }
    }

    /// Field precedence when merging: earlier sources win for single-valued fields.
    public var priority: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: SourceKind, rhs: SourceKind) -> Bool { lhs.priority < rhs.priority }
}
