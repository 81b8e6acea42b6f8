import HummingbirdBcrypt
import MaillageImport

/// bcrypt, on its own bounded pool of threads (``HashingPool``): never on the request or database threads.
struct PasswordHasher: PasswordHashing {
    let cost: UInt8
    let pool: HashingPool

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await pool.run { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks a password against its hash; without a hash (no such account, or no password yet) it spends the same
    /// time against a hash of nothing, so that the answer's delay does not say whether the e-mail exists.
    func verify(_ password: String, hash: String?) async throws -> Bool {
        let cost = cost
        let matches = try await pool.run { Bcrypt.verify(password, hash: hash ?? Self.dummyHash(cost: cost)) }
        return matches && hash != nil
    }

    private static func dummyHash(cost: UInt8) -> String { cost >= 12 ? dummyHash12 : Bcrypt.hash("", cost: cost) }
    private static let dummyHash12 = Bcrypt.hash("", cost: 12)
}
