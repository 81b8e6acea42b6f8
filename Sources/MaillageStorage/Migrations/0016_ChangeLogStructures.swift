import SQLKit

/// A structure's hand completion: the change log learns the topic `structures`.
struct ChangeLogStructures: Migration {
    let name = "0016_change_log_structures"

    func prepare(on db: any SQLDatabase) async throws {
        try await ChangeLogTopics(topics: ["lieux", "territoire", "personas", "structures"]).rebuild(on: db)
    }
}
