import Foundation
import Hummingbird
import HummingbirdTesting
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Synchronization
import Testing

/// Controllers are built from the narrow protocols of what they read: a controller runs on any value giving just
/// that, and `/health` keeps its rules on whatever probe it is given.
@Suite("Controllers on narrow dependencies")
struct NarrowDependenciesTests {
    /// An index that never changes: only what `PlaceIndexReading` gives.
    struct FixedIndex: PlaceIndexReading {
        let current: PlaceIndex
    }

    /// A database that answers or not, and counts the times it is asked.
    final class CountingProbe: DatabaseProbe {
        let asked = Mutex(0)
        let fails: Bool
        init(fails: Bool) { self.fails = fails }
        var backendName: String { "essai" }
        func probe() async throws {
            asked.withLock { $0 += 1 }
            if fails { throw HTTPError(.serviceUnavailable) }
        }
    }

    @Test func theTerritoryAPIRunsOnThePlaceIndexAlone() async throws {
        // Setup: the controller given the demo pack's index and nothing of the store or the database
        let router = Router(context: AppRequestContext.self)
        TerritoryAPIController(index: FixedIndex(current: TestData.packIndex)).register(on: router)
        try await Application(router: router).test(.router) { client in
            // Act
            let (status, body) = try await client.execute(uri: SiteURL.api(.territory(.value(.caph))).path, method: .get) {
                ($0.status.code, String(buffer: $0.body))
            }
            // Check: the pack's territory, with its communes
            #expect(status == 200)
            #expect(body.contains("Porte du Hainaut"))
        }
    }

    @Test func healthAsksItsProbeOnceASecondAndAgainAfterAFailure() async throws {
        let answering = CountingProbe(fails: false), failing = CountingProbe(fails: true)
        for probe in [answering, failing] {
            let router = Router(context: AppRequestContext.self)
            HealthController(database: probe).register(on: router)
            try await Application(router: router).test(.router) { client in
                // Act: three probes in a row
                var statuses: [UInt] = []
                for _ in 0..<3 { statuses.append(UInt(try await client.execute(uri: "/health", method: .get) { $0.status.code })) }
                // Check: the answering database is asked once for the three; the failing one on every probe
                if probe === answering {
                    #expect(statuses == Array(repeating: 200, count: 3))
                    #expect(answering.asked.withLock { $0 } == 1)
                } else {
                    #expect(statuses.allSatisfy { $0 != 200 })
                    #expect(failing.asked.withLock { $0 } == 3)
                }
            }
        }
    }
}
