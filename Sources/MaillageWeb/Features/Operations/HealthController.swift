import Foundation
import Hummingbird
import Synchronization

/// `/health`: 200 when the database answers. The database is asked at most once a second, whatever the number of
/// probes: a load balancer polling every instance must not become the load.
final class HealthController: Sendable {
    let database: any DatabaseProbe
    private let lastCheck = Mutex<ContinuousClock.Instant?>(nil)

    init(database: any DatabaseProbe) { self.database = database }

    func register(on router: Router<AppRequestContext>) {
        // The answer never changes: written once, not encoded for every probe.
        let body = ByteBuffer(string: #"{"database":"\#(database.backendName)","status":"ok"}"#)
        router.get(.health) { [self] _, _ -> Response in
            let now = ContinuousClock.now
            let due = lastCheck.withLock { last in
                guard let previous = last, previous.duration(to: now) < .seconds(1) else { last = now; return true }
                return false
            }
            if due {
                do {
                    try await database.probe()
                } catch {
                    lastCheck.withLock { $0 = nil }  // ask again on the next probe
                    throw error
                }
            }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
        }
    }
}
