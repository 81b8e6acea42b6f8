import SQLKit

/// A time-based second factor (TOTP) that administrators and coordinators may turn on: its secret, and the last time
/// step a code was accepted for (a code serves once).
struct SecondFactor: Migration {
    let name = "0014_second_factor"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "accounts").column("totp_secret", type: .text).run()
        try await db.alter(table: "accounts").column("totp_last_step", type: .bigint).run()
    }
}
