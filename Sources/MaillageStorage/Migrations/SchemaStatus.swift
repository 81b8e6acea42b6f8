import Foundation
import SQLKit

/// The schema of a database as this version of Maillage sees it.
public struct SchemaStatus: Sendable, Equatable {
    /// Migrations this version knows and the database lacks, in order.
    public var pending: [String]
    /// Migrations the database has and this version does not know: a newer Maillage wrote it.
    public var unknown: [String]

    public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }
}
