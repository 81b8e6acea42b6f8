import SQLKit

/// A territory's orientation rules, which the journeys read: the change log learns the topic `regles`.
struct ChangeLogRules: Migration {
    let name = "0019_change_log_rules"

    func prepare(on db: any SQLDatabase) async throws {
        try await ChangeLogTopics(topics: ["lieux", "territoire", "personas", "structures", "regles"]).rebuild(on: db)
    }
}
