import Foundation
import Hummingbird
import MaillageStorage
import Synchronization

/// `/health`: 200 when the database answers. The database is asked at most once a second, whatever the number of
/// probes: a load balancer polling every instance must not become the load.
final class HealthController: Sendable {
    let database: AppDatabase
    private let lastCheck = Mutex<ContinuousClock.Instant?>(nil)

    init(database: AppDatabase) { self.database = database }

    struct Status: ResponseEncodable {
        var status: String
        var database: String
    }

    func register(on router: Router<AppRequestContext>) {
        let status = Status(status: "ok", database: database.backend.rawValue)
        router.get(.health) { [self] _, _ -> Status in
            let now = ContinuousClock.now
            let due = lastCheck.withLock { last in
                guard let previous = last, previous.duration(to: now) < .seconds(1) else { last = now; return true }
                return false
            }
            if due {
                do {
                    _ = try await database.territories.isEmpty()
                } catch {
                    lastCheck.withLock { $0 = nil }  // ask again on the next probe
                    throw error
                }
            }
            return status
        }
    }
}
