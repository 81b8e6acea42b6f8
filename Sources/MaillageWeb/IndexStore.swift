import Logging
import MaillageCore
import MaillageStorage
import ServiceLifecycle
import Synchronization

/// Holds the current search index; a rebuilt index replaces it atomically, so a request always sees one whole index.
final class IndexStore: Sendable {
    /// An index and what is derived from it, replaced together.
    struct Snapshot: Sendable {
        let index: PlaceIndex
        let placeJSON = PlaceJSONCache()
    }

    let database: AppDatabase
    private let snapshotStore: Mutex<Snapshot>
    private let version: Mutex<String>

    init(database: AppDatabase) async throws {
        self.database = database
        snapshotStore = Mutex(Snapshot(index: try await Self.build(from: database)))
        version = Mutex(try await database.places.dataVersion())
    }

    var snapshot: Snapshot { snapshotStore.withLock { $0 } }
    var current: PlaceIndex { snapshot.index }

    /// Rebuilds the index when the stored data changed since the last build; returns whether it did.
    @discardableResult
    func refreshIfChanged() async throws -> Bool {
        let latest = try await database.places.dataVersion()
        guard latest != version.withLock({ $0 }) else { return false }
        let rebuilt = try await Self.build(from: database)
        snapshotStore.withLock { $0 = Snapshot(index: rebuilt) }
        version.withLock { $0 = latest }
        return true
    }

    private static func build(from database: AppDatabase) async throws -> PlaceIndex {
        PlaceIndex(places: try await database.places.all(), territory: try await database.territories.load())
    }
}

/// Checks every `interval` whether imports changed the data, and rebuilds the index if so.
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
                    if try await store.refreshIfChanged() { logger.info("Index des lieux reconstruit", metadata: ["lieux": "\(store.current.count)"]) }
                } catch {
                    logger.error("Reconstruction de l'index impossible", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
