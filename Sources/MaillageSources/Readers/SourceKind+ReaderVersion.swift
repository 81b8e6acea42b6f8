import MaillageCore

extension SourceKind {
    /// The version of the reader of this source: raise it when a fix changes what the reader makes of the same file,
    /// so that re-importing that file updates its records instead of reporting them as conflicts.
    public var readerVersion: Int {
        switch self {
        case .declaration, .standard, .franceServices, .conseillerNumerique, .dataInclusion, .bibliotheques, .aidantsConnect: 1
        }
    }
}
