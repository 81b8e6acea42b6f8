import Foundation
import SQLKit

/// The recovery codes of a person's second factor, for a lost phone: ``count`` codes made together, shown once, kept
/// only as hashes, each accepted once in place of the authenticator app's code. Writing methods take the caller's
/// transaction, so that a use and what it allows commit together.
public struct RecoveryCodeRepository: Sendable {
    let database: AppDatabase

    private typealias R = AccountTables.RecoveryCode

    /// How many codes a person gets at a time.
    public static let count = 10
    /// The letters and digits of a code: no 0/o, 1/l/i, which read alike.
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    /// The characters of a code, shown in groups of four (about 79 bits from the system's secure generator).
    static let length = 16

    /// Replaces the person's codes with ``count`` new ones; returns them, the only time they are readable.
    public func replace(for accountID: Int, now: Date, on db: any SQLDatabase) async throws -> [String] {
        try await delete(for: accountID, on: db)
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<Self.count).map { _ in
            let characters = (0..<Self.length).map { _ in Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &generator)] }
            return stride(from: 0, to: Self.length, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
        }
        for code in codes {
            try await db.insert(into: R.table).columns(R.accountID, R.codeHash, R.createdAt)
                .values(SQLBind(accountID), SQLBind(Self.hash(code, accountID: accountID)), SQLBind(Timestamp.text(now))).run()
        }
        return codes
    }

    /// Whether `text` is one of the person's unused codes (spaces, dashes and case aside), without using it.
    public func isUnused(_ text: String, for accountID: Int) async throws -> Bool {
        guard let hash = Self.hash(text, accountID: accountID) else { return false }
        return try await database.sql.select().column(R.codeHash).from(R.table).where(R.accountID, .equal, SQLBind(accountID))
            .where(R.codeHash, .equal, SQLBind(hash)).where(R.usedAt, .is, SQLLiteral.null).first() != nil
    }

    /// Uses a code, inside the caller's transaction: false when it is not one of the person's, or was used already (of
    /// two uses of one code exactly one gets it).
    public func use(_ text: String, for accountID: Int, now: Date, on db: any SQLDatabase) async throws -> Bool {
        guard let hash = Self.hash(text, accountID: accountID) else { return false }
        let used = try await db.update(R.table).set(R.usedAt, to: SQLBind(Timestamp.text(now))).where(R.accountID, .equal, SQLBind(accountID))
            .where(R.codeHash, .equal, SQLBind(hash)).where(R.usedAt, .is, SQLLiteral.null).returning(R.codeHash).all()
        return used.count == 1
    }

    /// How many of the person's codes are still unused.
    public func remaining(for accountID: Int) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(R.table)
            .where(R.accountID, .equal, SQLBind(accountID)).where(R.usedAt, .is, SQLLiteral.null).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Deletes the person's codes (when the second factor is turned off or its codes replaced).
    public func delete(for accountID: Int, on db: any SQLDatabase) async throws {
        try await db.delete(from: R.table).where(R.accountID, .equal, SQLBind(accountID)).run()
    }

    /// The stored form of a code: SHA-256 of the account and the code without spaces, dashes or capitals; nil when the
    /// text cannot be a code.
    static func hash(_ text: String, accountID: Int) -> String? {
        let code = String(text.lowercased().filter { $0 != "-" && !$0.isWhitespace })
        guard code.count == length, code.allSatisfy(alphabet.contains) else { return nil }
        return SecretToken.hash("\(accountID):\(code)")
    }
}
