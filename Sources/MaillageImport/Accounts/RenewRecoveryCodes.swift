import Foundation
import MaillageCore
import MaillageStorage
import SQLKit

/// New recovery codes for a lost list, against a current code (of the app, or one of the old recovery codes): the code
/// is spent and the list replaced together.
public struct RenewRecoveryCodes: Sendable {
    let database: any Transactions
    let recoveryCodes: RecoveryCodeRepository
    let spending: SecondFactorSpending

    public init(database: any Transactions, recoveryCodes: RecoveryCodeRepository, spending: SecondFactorSpending) {
        (self.database, self.recoveryCodes, self.spending) = (database, recoveryCodes, spending)
    }

    /// Returns the new codes, to show once.
    public func callAsFunction(
        for account: AccountRepository.Account, proof: SecondFactorProof?, by author: Author,
        now: Date = Date()
    ) async throws -> [String] {
        try await database.transaction { db in
            try await spending.require(proof, of: account, now: now, on: db)
            return try await replace(for: account.id, by: author, now: now, on: db)
        }
    }

    /// Replaces a person's recovery codes inside the caller's transaction, and says so in the journal; returns them.
    func replace(for accountID: Int, by author: Author, now: Date, on db: any SQLDatabase) async throws -> [String] {
        let codes = try await recoveryCodes.replace(for: accountID, now: now, on: db)
        try await AuditRepository.record(
            AuditEvent(
                at: now, by: author, action: "codes de secours générés",
                objectKind: AuditKinds.account, objectID: String(accountID), after: "\(codes.count) codes"), on: db)
        return codes
    }
}
