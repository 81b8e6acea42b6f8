/// The names of the import-run tables and their columns: the only place they are spelled.
enum ImportRunTables {
    /// One row per imported (or rejected) file, with its counts.
    enum Run {
        static let table = "import_runs"
        static let id = "id"
        static let file = "file"
        static let format = "format"
        static let startedAt = "started_at"
        static let status = "status"
        static let rowsRead = "rows_read"
        static let accepted = "accepted"
        static let rejected = "rejected"
        static let vocabularyRevision = "vocabulary_revision"
        static let convertedFrom = "converted_from"
    }

    /// A rejected row: line, field, value as written, what was expected.
    enum Rejection {
        static let table = "import_rejections"
        static let runID = "run_id"
        static let position = "position"
        static let line = "line"
        static let field = "field"
        static let value = "value"
        static let expected = "expected"
    }

    /// An accepted row with something worth knowing.
    enum Warning {
        static let table = "import_warnings"
        static let runID = "run_id"
        static let position = "position"
        static let line = "line"
        static let field = "field"
        static let message = "message"
    }

    /// A source value no vocabulary maps ("field: value") and how many rows carried it.
    enum Unmapped {
        static let table = "import_unmapped"
        static let runID = "run_id"
        static let value = "value"
        static let rows = "row_count"
    }
}
