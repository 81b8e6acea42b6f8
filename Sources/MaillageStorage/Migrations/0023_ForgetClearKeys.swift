import SQLKit

/// Keeps no address or e-mail in clear at rest: the attempt counters, which held them in their keys, start again with
/// hashed keys (at most a day of counts is forgotten), and the sender keys that error reports carried before the
/// attempt counters existed are emptied. Literal names: a migration never follows today's schema constants.
struct ForgetClearKeys: Migration {
    let name = "0023_forget_clear_keys"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.delete(from: "attempt_counters").run()
        try await db.update("declarations").set("sender_key", to: SQLLiteral.null).run()
    }
}
