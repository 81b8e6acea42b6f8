import SQLKit

/// What keeps a live workshop its own: the hash of the projection token (the projected view's secret address), each
/// pass's count of cards in its current minute, and an index for counting a table's cards.
struct WorkshopSecrets: Migration {
    let name = "0020_workshop_secrets"

    private typealias M = CycleTables.Meeting
    private typealias S = CycleTables.Pass
    private typealias K = CycleTables.Contribution

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: M.table).column(M.projectionTokenHash, type: .text).run()
        try await db.alter(table: S.table).column(S.windowStart, type: .text, .notNull, .default("")).run()
        try await db.alter(table: S.table).column(S.windowCount, type: .int, .notNull, .default(0)).run()
        try await db.create(index: "workshop_cards_table").on(K.table).column(K.meetingID).column(K.tableCommune).run()
    }
}
