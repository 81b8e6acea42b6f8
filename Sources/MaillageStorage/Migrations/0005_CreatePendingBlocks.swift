import SQLKit

/// Blocks (communes) whose source records changed and whose merged places are still to be rebuilt: an import of
/// several files stores each file in its own transaction and merges once at the end; a block left here by an
/// interrupted import is rebuilt by the next import or at start-up.
struct CreatePendingBlocks: Migration {
    let name = "0005_pending_blocks"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "pending_blocks")
            .column("block_key", type: .text, .primaryKey(autoIncrement: false))
            .run()
    }
}
