import SQLKit

/// Each meeting snapshot records the version of the coverage rule its classes were made by, so that two snapshots made
/// under different rules are not compared as a change of the territory. The snapshots taken before were made by the
/// first version. Literal names: this migration writes what the schema was when it was made.
struct SnapshotCoverageRule: Migration {
    let name = "0024_snapshot_coverage_rule"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "meeting_snapshots").column("coverage_rule_version", type: .int, .notNull, .default(1)).run()
    }
}
