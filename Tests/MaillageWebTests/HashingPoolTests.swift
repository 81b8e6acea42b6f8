import Foundation
@testable import MaillageWeb
import NIOConcurrencyHelpers
import Testing

/// The password pool's bound, checked with hashes held until the test lets them go: however many arrive at once, no
/// more than its threads and its queue are taken, and the others are refused at once.
@Suite("The password hashing pool")
struct HashingPoolTests {
    @Test func oneThreadAndTwoWaitingTakeThreeOfFiftyAtOnceAndRefuseTheRestWithoutWaiting() async throws {
        // Setup: every accepted job waits for the gate
        let pool = HashingPool(threads: 1, queueLimit: 2)
        let gate = ConditionLock(value: 0)
        let refused = NIOLockedValueBox(0)
        // Act: fifty jobs at once; the gate opens once the refusals stop coming (or after a minute on a starved machine)
        async let accepted = withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    do {
                        return try await pool.run {
                            gate.lock(whenValue: 1); gate.unlock(); return true
                        }
                    } catch {
                        refused.withLockedValue { $0 += 1 }
                        return false
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        let clock = ContinuousClock(), start = clock.now
        while refused.withLockedValue { $0 } < 47 && clock.now - start < .seconds(60) { try await Task.sleep(for: .milliseconds(20)) }
        let refusedWhileHeld = refused.withLockedValue { $0 }
        gate.lock()
        gate.unlock(withValue: 1)
        // Check: the forty-seven beyond the bound were refused while the three were still held, and the three ran
        #expect(refusedWhileHeld == 47)
        #expect(await accepted == 3)
    }
}
