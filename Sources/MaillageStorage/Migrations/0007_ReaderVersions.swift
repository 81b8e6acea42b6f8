import SQLKit

/// The version of the reader that produced each source record: a record re-read by a newer reader (a fixed reader
/// changes a record's content but not its date) is an update, not a conflict. Rows stored before carry version 1.
struct ReaderVersions: Migration {
    let name = "0007_reader_versions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "source_records")
            .column("reader_version", type: .int, .notNull, .default(SQLLiteral.numeric("1")))
            .run()
    }
}
