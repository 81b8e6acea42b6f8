import SQLKit

/// The recovery codes of a second factor, for a lost phone: one row per code, only its hash, used at most once; they
/// go with their account.
struct CreateRecoveryCodes: Migration {
    let name = "0021_recovery_codes"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "recovery_codes")
            .column("account_id", type: .bigint, .notNull)
            .column("code_hash", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("used_at", type: .text)
            .primaryKey("account_id", "code_hash")
            .foreignKey(["account_id"], references: "accounts", ["id"], onDelete: .cascade)
            .run()
    }
}
