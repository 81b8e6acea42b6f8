import HummingbirdBcrypt
import NIOPosix

/// bcrypt, off the request threads (a hash at cost 12 takes a quarter of a second).
struct PasswordHasher: Sendable {
    let cost: UInt8

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks a password against its hash; without a hash (no such account, or no password yet) it spends the same
    /// time against a hash of nothing, so that the answer's delay does not say whether the e-mail exists.
    func verify(_ password: String, hash: String?) async throws -> Bool {
        let stored = hash ?? dummyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: stored) }
        return matches && hash != nil
    }

    private var dummyHash: String { cost >= 12 ? Self.dummyHash12 : Bcrypt.hash("", cost: cost) }
    private static let dummyHash12 = Bcrypt.hash("", cost: 12)
}
