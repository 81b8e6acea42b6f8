/// The slow hash of a password (bcrypt on its own bounded pool of threads, given by the web target). Use cases hash
/// before they open their transaction: a hash refused because the pool is busy then changes nothing.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
}
