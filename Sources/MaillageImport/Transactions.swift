import MaillageStorage
import SQLKit

/// What a use case needs of the database to make a write that spans repositories all-or-nothing: one transaction.
public protocol Transactions: Sendable {
    /// Runs `body` in one transaction; any error rolls everything back.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
}

extension AppDatabase: Transactions {}
