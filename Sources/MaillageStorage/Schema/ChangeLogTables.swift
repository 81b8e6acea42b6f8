/// The names of the change log's table and its columns: the only place they are spelled.
enum ChangeLogTables {
    /// One row per change, numbered in commit order.
    enum Entry {
        static let table = "change_log"
        static let seq = "seq"
        static let topic = "topic"
        /// What changed within the topic (a block key, an identifier); null for the topic as a whole.
        static let item = "item"
        static let changedAt = "changed_at"
    }
}
