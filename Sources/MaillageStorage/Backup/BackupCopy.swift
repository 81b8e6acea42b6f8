import Foundation

/// A backup file checked after it was written or before it is restored.
public struct BackupCopy: Sendable, Equatable {
    /// Where it is.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int
    /// The last migration its schema holds: the schema version.
    public var schemaVersion: String
}
