import Logging
import MaillageCore
import MaillageStorage
import ServiceLifecycle
import Synchronization

/// Follows the change log every `interval` and refreshes the index when the data changed.
struct IndexRefreshService: ServiceLifecycle.Service {
    let store: IndexStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Graceful shutdown cancels the wait at once instead of letting it run out.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    switch try await store.refreshIfChanged() {
                    case .unchanged: break
                    case .blocks(let count):
                        logger.info("Index des lieux mis à jour", metadata: ["communes": "\(count)", "lieux": "\(store.current.count)"])
                    case .everything: logger.info("Index des lieux reconstruit", metadata: ["lieux": "\(store.current.count)"])
                    }
                } catch {
                    logger.error("Mise à jour de l'index impossible", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
