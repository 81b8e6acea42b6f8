import SQLKit

/// What keeps a live workshop its own: the hash of the projection token (the projected view's secret address), each
/// pass's count of cards in its current minute, and an index for counting a table's cards.
struct WorkshopSecrets: Migration {
    let name = "0020_workshop_secrets"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "meetings").column("projection_token_hash", type: .text).run()
        try await db.alter(table: "workshop_passes").column("cards_window_start", type: .text, .notNull, .default("")).run()
        try await db.alter(table: "workshop_passes").column("cards_in_window", type: .int, .notNull, .default(0)).run()
        try await db.create(index: "workshop_cards_table").on("workshop_cards").column("meeting_id").column("table_commune").run()
    }
}
