import Foundation
@testable import MaillageWeb
import Testing

/// The password pool's bound, checked with hashes held until the test lets them go: however many arrive at once, no
/// more than its threads and its queue are taken, and the others are refused at once.
@Suite("The password hashing pool")
struct HashingPoolTests {
    /// Holds the accepted jobs until opened, and counts the refused ones.
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var isOpen = false
        private var refusals = 0

        func wait() {
            condition.lock()
            while !isOpen { condition.wait() }
            condition.unlock()
        }

        func open() {
            condition.lock()
            isOpen = true
            condition.broadcast()
            condition.unlock()
        }

        func refused() {
            condition.lock()
            refusals += 1
            condition.unlock()
        }

        var refusedCount: Int {
            condition.lock()
            defer { condition.unlock() }
            return refusals
        }
    }

    @Test func oneThreadAndTwoWaitingTakeThreeOfFiftyAtOnceAndRefuseTheRestWithoutWaiting() async throws {
        // Setup: every accepted job waits for the gate
        let pool = HashingPool(threads: 1, queueLimit: 2)
        let gate = Gate()
        // Act: fifty jobs at once; the gate opens once the refusals stop coming (or after a minute on a starved machine)
        async let accepted = withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    do {
                        return try await pool.run {
                            gate.wait()
                            return true
                        }
                    } catch {
                        gate.refused()
                        return false
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        let clock = ContinuousClock(), start = clock.now
        while gate.refusedCount < 47 && clock.now - start < .seconds(60) { try await Task.sleep(for: .milliseconds(20)) }
        let refusedWhileHeld = gate.refusedCount
        gate.open()
        // Check: the forty-seven beyond the bound were refused while the three were still held, and the three ran
        #expect(refusedWhileHeld == 47)
        #expect(await accepted == 3)
    }
}
