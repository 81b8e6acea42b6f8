import Foundation
import Hummingbird
import Logging
import MaillageTestSupport
@testable import MaillageWeb
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing

/// A server attacked with connections, as a stranger would: idle and slowloris connections beyond the caps, slow
/// bodies. Each scenario runs a real server on loopback with small caps (12 in all, 4 per address) and short timeouts.
@Suite("Connection limits", .serialized)
struct ConnectionLimitsTests {
    static let limits = ConnectionLimits(
        maxConnections: 12, maxConnectionsPerAddress: 4, headerTimeout: .seconds(1), bodyTimeout: .seconds(1),
        idleTimeout: .seconds(10))

    @Test func beyondItsCapAnAddressGetsA503WhileAnotherAddressIsServedAtOnce() async throws {
        var patient = Self.limits
        patient.headerTimeout = .seconds(5)
        try await Self.withLiveServer(patient) { port in
            // Setup: an attacker fills its 4 connections with idle ones
            var attacker: [RawConnection] = []
            for _ in 0..<4 { attacker.append(try await RawConnection.open(port: port)) }
            // Act: 3 more from the same address, one sending nothing, two asking for a page
            let extra = [try await RawConnection.open(port: port), try await RawConnection.open(port: port), try await RawConnection.open(port: port)]
            try await extra[1].get("/health")
            try await extra[2].get("/")
            // Check: each extra one gets a 503 with Retry-After and a French text, then is closed (the silent one after 1 s)
            for connection in extra.reversed() {
                let refusal = try #require(try await connection.response(within: .seconds(3)))
                #expect(refusal.head.hasPrefix("HTTP/1.1 503 Service Unavailable"))
                #expect(refusal.head.contains("Retry-After: 5"))
                #expect(refusal.body.contains("trop de connexions"))
                #expect(try await connection.closing(within: .seconds(3)) != nil)
            }
            // Check: fresh connections from another address are answered, sooner than the second a refused connection
            // waits (the best of 5 probes: the machine may be busy with other tests, an address starved by the attacker
            // would never be)
            var probes: [Duration] = []
            for _ in 0..<5 {
                let probe = try await RawConnection.open(port: port, from: "127.0.0.2")
                try await probe.get("/health")
                #expect(try await probe.response(within: .seconds(2))?.head.hasPrefix("HTTP/1.1 200") == true)
                probes.append(ContinuousClock.now - probe.openedAt)
                await probe.close()
            }
            #expect(try #require(probes.min()) < .seconds(1), "\(probes)")
            // Check: once one attacker connection closes, its address is served again (as soon as the server sees the close)
            await attacker.removeFirst().close()
            var servedAgain = false
            for _ in 0..<20 where !servedAgain {
                let again = try await RawConnection.open(port: port)
                try await again.get("/health")
                servedAgain = try await again.response()?.head.hasPrefix("HTTP/1.1 200") == true
                await again.close()
                if !servedAgain { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(servedAgain)
            for connection in attacker { await connection.close() }
        }
    }

    @Test func theCapInAllRefusesEveryAddressAndEverySlotComesBackWhenClientsClose() async throws {
        try await Self.withLiveServer { port in
            // Act: 4 kept-alive connections from each of 3 addresses (the cap in all), then one from a fourth address
            let held = try #require(try await Self.fillEverySlot(port: port))
            let beyond = try await RawConnection.open(port: port, from: "127.0.0.4")
            try await beyond.get("/health")
            // Check: the 13th is refused
            #expect(try await beyond.response()?.head.hasPrefix("HTTP/1.1 503") == true)
            // Check: once they all close, the 12 slots are free again
            for connection in held + [beyond] { await connection.close() }
            try await Self.expectAllSlotsFree(port: port)
        }
    }

    @Test func slowlorisConnectionsAreClosedAfterTheHeaderTimeout() async throws {
        try await Self.withLiveServer { port in
            // Setup: 4 connections sending a request head one byte every 50 ms, never finishing it
            var slow: [RawConnection] = []
            for _ in 0..<4 { slow.append(try await RawConnection.open(port: port)) }
            let head = Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: " + String(repeating: "a", count: 200))
            // Act
            for character in head {
                if slow.allSatisfy({ $0.closedAt != nil }) { break }
                for connection in slow where connection.closedAt == nil { try? await connection.send(String(character)) }
                try await Task.sleep(for: .milliseconds(50))
            }
            // Check: each closed after about the header timeout (1 s), without an answer
            for connection in slow {
                let closed = try #require(try await connection.closing(within: .seconds(1)))
                #expect(closed >= .milliseconds(900) && closed < .seconds(3), "\(closed)")
                #expect(connection.text.isEmpty)
            }
            // Check: the server lives and its slots came back
            try await Self.expectAllSlotsFree(port: port)
        }
    }

    @Test func aSlowBodyGetsA408AfterTheBodyTimeout() async throws {
        try await Self.withLiveServer { port in
            // Act: a form whose announced 1,000 bytes never come
            let connection = try await RawConnection.open(port: port)
            try await connection.send(
                "POST /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1000\r\n\r\nemail=a")
            // Check: a 408 in French after about 1 s, then the connection closed
            let answer = try #require(try await connection.response(within: .seconds(3)))
            #expect(answer.head.hasPrefix("HTTP/1.1 408"))
            #expect(answer.body.contains("trop lente"))
            let closed = try #require(try await connection.closing(within: .seconds(1)))
            #expect(closed >= .milliseconds(900) && closed < .seconds(3), "\(closed)")
            try await Self.expectAllSlotsFree(port: port)
        }
    }

    @Test func aClientThatStopsReadingIsClosedAfterTheIdleTimeout() async throws {
        var limits = Self.limits
        limits.idleTimeout = .seconds(2)
        try await Self.withLiveServer(limits) { port in
            // Setup: the size of one answer (a large one made at once)
            let path = "/api/v1/openapi.json"
            let sample = try await RawConnection.open(port: port, from: "127.0.0.5")
            try await sample.get(path)
            let size = try #require(try await sample.response()).body.utf8.count
            await sample.close()
            // Act: a client asks for 16 MB of answers at once and does not read them for 3.5 s
            let requests = min(2_000, 16_000_000 / size + 1)
            let reader = try await RawConnection.open(port: port, reading: false)
            try await reader.send(String(repeating: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", count: requests))
            try await Task.sleep(for: .milliseconds(3_500))
            try await reader.startReading()
            // Check: the server had closed it: the client gets what was in the buffers, then the close, not every answer
            #expect(try await reader.closing(within: .seconds(2)) != nil)
            #expect(reader.text.components(separatedBy: "HTTP/1.1 200").count - 1 < requests)
            try await Self.expectAllSlotsFree(port: port)
        }
    }

    @Test func limitsBeyondTheDescriptorsAreLoweredAndNonsenseIsRefused() {
        // The defaults fit a process with 20,000 descriptors, not one with 1,024: the caps go down, leaving room
        #expect(ConnectionLimits().fitted(toDescriptors: 20_000) == nil)
        let lowered = ConnectionLimits().fitted(toDescriptors: 1_024)
        #expect(lowered?.maxConnections == 512 && lowered?.maxConnectionsPerAddress == 256)
        #expect((lowered?.acceptCeiling ?? .max) <= 1_024 - ConnectionLimits.reservedDescriptors)
        // Options that cannot hold are refused with a message
        #expect(ConnectionLimits().problem == nil)
        #expect(ConnectionLimits(maxConnections: 0).problem != nil)
        #expect(ConnectionLimits(maxConnections: 10, maxConnectionsPerAddress: 11).problem?.contains("par adresse") == true)
        #expect(ConnectionLimits(headerTimeout: .zero).problem?.contains("en-têtes") == true)
        #expect(ConnectionLimits(maxRequestsInFlight: 0).problem?.contains("requêtes traitées") == true)
        #expect(ConnectionLimits(maxRequestsWaiting: -1).problem?.contains("requêtes en attente") == true)
        #expect(ConnectionLimits(requestWaitTimeout: .seconds(7_200)).problem?.contains("attente d'une requête") == true)
    }

    @Test func theCounterHoldsUnderHundredsOfParallelConnections() async {
        // Setup: a counter with 100 slots in all, 30 per address
        let counter = ConnectionCounter(limits: ConnectionLimits(maxConnections: 100, maxConnectionsPerAddress: 30))
        // Act: 400 connections from 4 addresses at once
        let admitted = await withTaskGroup(of: String?.self) { group in
            for index in 0..<400 {
                let address = "10.0.0.\(index % 4)"
                group.addTask { counter.open(from: address) == .admitted ? address : nil }
            }
            return await group.reduce(into: [String]()) { if let address = $1 { $0.append(address) } }
        }
        // Check: exactly 30 per address were admitted (120 > 100: the cap in all holds first)
        #expect(admitted.count == 100)
        #expect(Dictionary(grouping: admitted, by: { $0 }).values.allSatisfy { $0.count <= 30 })
        // Act: they all close; Check: nothing is left counted
        await withTaskGroup(of: Void.self) { group in
            for address in admitted { group.addTask { counter.close(from: address) } }
        }
        #expect(counter.current.total == 0 && counter.current.addresses == 0)
    }

    @Test func refusalsAreReportedAtMostOnceAMinute() {
        // Setup: a counter with one slot, taken
        let counter = ConnectionCounter(limits: ConnectionLimits(maxConnections: 1, maxConnectionsPerAddress: 1))
        let start = ContinuousClock.now
        #expect(counter.open(from: "10.0.0.1", now: start) == .admitted)
        // Act and check: the first refusal is reported at once, the next ones only a minute later, with their count
        #expect(counter.open(from: "10.0.0.2", now: start) == .refused(report: 1))
        #expect(counter.open(from: "10.0.0.2", now: start + .seconds(1)) == .refused(report: nil))
        #expect(counter.open(from: "10.0.0.3", now: start + .seconds(59)) == .refused(report: nil))
        #expect(counter.open(from: "10.0.0.3", now: start + .seconds(61)) == .refused(report: 3))
        #expect(counter.current.total == 1)
    }

    /// Checks that the cap in all is free again (slots are given back as the server sees each close, within 2 s).
    static func expectAllSlotsFree(port: Int) async throws {
        let held = try await fillEverySlot(port: port)
        #expect(held != nil, "some slots were never given back")
        for connection in held ?? [] { await connection.close() }
    }

    /// Opens as many kept-alive connections as the cap in all allows, from several addresses, each answered `200`;
    /// tries again for 2 s while some are refused; nil if they never all are served.
    static func fillEverySlot(port: Int) async throws -> [RawConnection]? {
        for _ in 0..<20 {
            var held: [RawConnection] = []
            for index in 0..<limits.maxConnections {
                let connection = try await RawConnection.open(port: port, from: "127.0.0.\(10 + index / limits.maxConnectionsPerAddress)")
                try await connection.get("/health")
                held.append(connection)
            }
            var served = true
            for connection in held where try await connection.response()?.head.hasPrefix("HTTP/1.1 200") != true { served = false }
            if served { return held }
            for connection in held { await connection.close() }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// Runs `test` against the real server (its own database in memory) listening on a free loopback port, with
    /// `limits`; the server is stopped and its database closed afterwards, whatever the test did.
    static func withLiveServer(_ limits: ConnectionLimits = limits, _ test: @escaping @Sendable (Int) async throws -> Void) async throws {
        var logger = Logger(label: "maillage.test")
        logger.logLevel = .warning
        let port = try await freePort()
        let app = try await buildApplication(
            AppConfiguration(
                hostname: "127.0.0.1", port: port, database: .sqliteInMemory, seedPack: TestData.pack,
                passwordCost: 4, connectionLimits: limits),
            logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let outcome: Result<Void, any Error>
            do {
                // Ready once it answers, from an address no scenario uses
                var ready = false
                for _ in 0..<200 where !ready {
                    if let probe = try? await RawConnection.open(port: port, from: "127.0.0.200") {
                        try await probe.get("/health")
                        ready = try await probe.response()?.head.hasPrefix("HTTP/1.1 200") == true
                        await probe.close()
                    } else {
                        try await Task.sleep(for: .milliseconds(25))
                    }
                }
                try #require(ready)
                try await test(port)
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            try outcome.get()
        }
    }

    /// A loopback port nobody listens on right now.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close().get()
        return port
    }
}
