import SQLKit

/// The recovery codes of a second factor, for a lost phone: one row per code, only its hash, used at most once; they
/// go with their account.
struct CreateRecoveryCodes: Migration {
    let name = "0021_recovery_codes"

    private typealias R = AccountTables.RecoveryCode

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: R.table)
            .column(R.accountID, type: .bigint, .notNull)
            .column(R.codeHash, type: .text, .notNull)
            .column(R.createdAt, type: .text, .notNull)
            .column(R.usedAt, type: .text)
            .primaryKey(R.accountID, R.codeHash)
            .foreignKey([R.accountID], references: AccountTables.Account.table, [AccountTables.Account.id], onDelete: .cascade)
            .run()
    }
}
