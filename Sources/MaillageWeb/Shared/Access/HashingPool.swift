import Hummingbird
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// bcrypt's own threads, so that pages and the database keep theirs while passwords are hashed (a hash at cost 12
/// takes a quarter of a second of a core). At most ``threads`` hashes run and ``queueLimit`` wait; one more is refused
/// at once with a `429` rather than queued behind minutes of work. Started with the application, stopped with it.
public final class HashingPool: Service, Sendable {
    let threads: Int
    let queueLimit: Int
    private let pool: NIOThreadPool
    /// Hashes running or waiting.
    private let pending = Atomic<Int>(0)

    /// One thread fewer than the cores (at least one): the remaining core serves pages and the database.
    public static let defaultThreads = max(1, System.coreCount - 1)
    public static let defaultQueueLimit = 32

    init(threads: Int = defaultThreads, queueLimit: Int = defaultQueueLimit) {
        self.threads = max(1, threads)
        self.queueLimit = max(0, queueLimit)
        pool = NIOThreadPool(numberOfThreads: self.threads)
        pool.start()
    }

    /// What a refused hash answers: the sign-in page shows the message, every other form the error page.
    static let busy = HTTPError(
        .tooManyRequests, headers: [.retryAfter: "5"],
        message: "Le serveur vérifie beaucoup de mots de passe en ce moment : réessayez dans quelques secondes.")

    /// Runs `work` on the pool's threads, or throws ``busy`` at once when the queue is full.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        guard pending.add(1, ordering: .relaxed).newValue <= threads + queueLimit else {
            pending.subtract(1, ordering: .relaxed)
            throw Self.busy
        }
        defer { pending.subtract(1, ordering: .relaxed) }
        return try await pool.runIfActive(work)
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await pool.shutdownGracefully()
    }
}
