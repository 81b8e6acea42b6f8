/// Where and how often the server backs its database up (`serve --backup-dir DIR --backup-keep N`).
public struct BackupSchedule: Sendable {
    /// The directory the backups are written into (created if needed).
    public var directory: String
    /// How many of the newest backups are kept; older ones are removed.
    public var keep: Int
    /// Time between two backups; the first is taken at start-up.
    public var interval: Duration

    public init(directory: String, keep: Int, interval: Duration = .seconds(86_400)) {
        self.directory = directory
        self.keep = keep
        self.interval = interval
    }
}
