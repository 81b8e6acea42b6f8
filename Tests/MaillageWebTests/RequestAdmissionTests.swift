import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MaillageWeb
import Synchronization
import Testing

/// Requests beyond what the server works on at once: they wait their turn in a bounded queue for a bounded time, then
/// get a `503` with `Retry-After`; `/health` never waits; a client gone while waiting leaves the queue. Each scenario
/// runs the admission middleware alone around handlers the test controls: `/lent` holds its turn until released.
@Suite("Request admission")
struct RequestAdmissionTests {
    /// A `/lent` handler that holds until ``release()``, counting the requests it started and finished, and the
    /// requests `/vite` served.
    final class SlowHandler: Sendable {
        private let released = Atomic(false)
        let started = Atomic(0)
        let finished = Atomic(0)
        let quick = Atomic(0)

        func respondAtOnce() -> String {
            quick.add(1, ordering: .sequentiallyConsistent)
            return "tout de suite"
        }

        func release() { released.store(true, ordering: .sequentiallyConsistent) }

        func respond() async throws -> String {
            started.add(1, ordering: .sequentiallyConsistent)
            while !released.load(ordering: .sequentiallyConsistent) { try await Task.sleep(for: .milliseconds(5)) }
            finished.add(1, ordering: .sequentiallyConsistent)
            return "servie"
        }
    }

    static func withRouter(
        _ limits: ConnectionLimits,
        _ test: @Sendable (any TestClientProtocol, RequestAdmission, SlowHandler) async throws -> Void
    ) async throws {
        let admission = RequestAdmission(limits: limits)
        let slow = SlowHandler()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestAdmissionMiddleware(admission: admission, errors: ErrorMiddleware(pages: try await PageRenderer.load())))
        router.get("lent") { _, _ in try await slow.respond() }
        router.get("vite") { _, _ in slow.respondAtOnce() }
        router.get("api/v1/vite") { _, _ in "tout de suite" }
        router.get("health") { _, _ in "ok" }
        try await Application(router: router).test(.router) { client in try await test(client, admission, slow) }
    }

    /// Polls `condition` for up to 5 seconds.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<500 where !condition() { try? await Task.sleep(for: .milliseconds(10)) }
        return condition()
    }

    @Test func beyondOneInFlightARequestWaitsItsTurnAndBeyondTheQueueGetsA503WhileHealthAnswersAtOnce() async throws {
        try await Self.withRouter(ConnectionLimits(maxRequestsInFlight: 1, maxRequestsWaiting: 1)) { client, admission, slow in
            // Setup: a slow request holds the one turn, a second one waits for it
            async let first = client.execute(uri: "/lent", method: .get) { $0.status }
            #expect(await Self.eventually { slow.started.load(ordering: .sequentiallyConsistent) == 1 })
            async let second = client.execute(uri: "/lent", method: .get) { $0.status }
            #expect(await Self.eventually { admission.current == (inFlight: 1, waiting: 1) })
            // Act: a third request, a page then an API call, finds the queue full
            let page = try await client.execute(uri: "/vite", method: .get) { ($0.status, $0.headers[.retryAfter], String(buffer: $0.body)) }
            let api = try await client.execute(uri: "/api/v1/vite", method: .get) {
                ($0.status, $0.headers[.retryAfter], $0.headers[.contentType], String(buffer: $0.body))
            }
            // Check: a 503 with Retry-After and a French word, as a page and as a JSON error
            #expect(page.0 == .serviceUnavailable && page.1 == "5")
            #expect(page.2.contains("<html lang=\"fr\">") && page.2.contains("trop de requêtes en attente"))
            #expect(api.0 == .serviceUnavailable && api.1 == "5" && api.2?.hasPrefix("application/json") == true)
            #expect(api.3.contains("\"error\"") && api.3.contains("trop de requêtes en attente"))
            // Check: /health answers at once, the turn still held and the second request still waiting
            let clock = ContinuousClock()
            let start = clock.now
            let health = try await client.execute(uri: SiteURL.health.path, method: .get) { $0.status }
            #expect(health == .ok)
            #expect(clock.now - start < .milliseconds(500))
            #expect(slow.started.load(ordering: .sequentiallyConsistent) == 1 && admission.current == (inFlight: 1, waiting: 1))
            // Act: the slow request ends
            slow.release()
            // Check: both are served, the second only after the first, and every turn is given back
            let (firstStatus, secondStatus) = try await (first, second)
            #expect(firstStatus == .ok && secondStatus == .ok)
            #expect(slow.started.load(ordering: .sequentiallyConsistent) == 2 && slow.finished.load(ordering: .sequentiallyConsistent) == 2)
            #expect(admission.current == (inFlight: 0, waiting: 0))
        }
    }

    @Test func aRequestWaitingLongerThanAllowedGetsA503() async throws {
        try await Self.withRouter(ConnectionLimits(maxRequestsInFlight: 1, maxRequestsWaiting: 10, requestWaitTimeout: .seconds(1))) {
            client, admission, slow in
            // Setup: a slow request holds the one turn
            async let first = client.execute(uri: "/lent", method: .get) { $0.status }
            #expect(await Self.eventually { admission.current.inFlight == 1 })
            // Act: another waits more than a second
            let clock = ContinuousClock()
            let start = clock.now
            let late = try await client.execute(uri: "/vite", method: .get) { ($0.status, $0.headers[.retryAfter], String(buffer: $0.body)) }
            // Check: refused after the second of waiting, having left the queue
            #expect(late.0 == .serviceUnavailable && late.1 == "5" && late.2.contains("attente trop longue"))
            #expect(clock.now - start >= .seconds(1))
            #expect(admission.current == (inFlight: 1, waiting: 0))
            slow.release()
            let firstStatus = try await first
            #expect(firstStatus == .ok)
            #expect(admission.current == (inFlight: 0, waiting: 0))
        }
    }

    @Test func hundredsOfWaitersWhoseClientsLeaveFreeTheirPlaces() async throws {
        // A wait timeout far longer than the check below: the queue must empty because the clients left, not by timing out
        try await Self.withRouter(ConnectionLimits(maxRequestsInFlight: 1, maxRequestsWaiting: 400, requestWaitTimeout: .seconds(60))) {
            client, admission, slow in
            // Setup: a slow request holds the one turn
            async let first = client.execute(uri: "/lent", method: .get) { $0.status }
            #expect(await Self.eventually { admission.current.inFlight == 1 })
            // Act: 300 requests in parallel wait their turn, then their clients leave
            let waiters = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<300 { group.addTask { _ = try await client.execute(uri: "/vite", method: .get) { $0.status } } }
                    try await group.waitForAll()
                }
            }
            #expect(await Self.eventually { admission.current.waiting == 300 })
            waiters.cancel()
            // Check: the queue is empty again within seconds while the turn is still held, and nothing waiting was served
            #expect(await Self.eventually { admission.current == (inFlight: 1, waiting: 0) })
            _ = await waiters.result
            #expect(slow.quick.load(ordering: .sequentiallyConsistent) == 0)
            // Check: once the slow request ends every turn is back, and a new request is served at once
            slow.release()
            let firstStatus = try await first
            #expect(firstStatus == .ok)
            #expect(admission.current == (inFlight: 0, waiting: 0))
            let fresh = try await client.execute(uri: "/vite", method: .get) { $0.status }
            #expect(fresh == .ok)
            #expect(slow.quick.load(ordering: .sequentiallyConsistent) == 1 && admission.current == (inFlight: 0, waiting: 0))
        }
    }
}
