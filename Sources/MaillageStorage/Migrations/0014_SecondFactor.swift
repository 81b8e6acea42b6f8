import SQLKit

/// A time-based second factor (TOTP) that administrators and coordinators may turn on: its secret, and the last time
/// step a code was accepted for (a code serves once).
struct SecondFactor: Migration {
    let name = "0014_second_factor"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: AccountTables.Account.table).column(AccountTables.Account.totpSecret, type: .text).run()
        try await db.alter(table: AccountTables.Account.table).column(AccountTables.Account.totpLastStep, type: .bigint).run()
    }
}
