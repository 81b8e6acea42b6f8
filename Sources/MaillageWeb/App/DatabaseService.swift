import MaillageStorage
import ServiceLifecycle

/// Keeps the database open while the application runs and closes it on shutdown.
struct DatabaseService: Service {
    let database: AppDatabase

    func run() async throws {
        try? await gracefulShutdown()
        try await database.shutdown()
    }
}
