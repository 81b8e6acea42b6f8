@testable import MaillageCore
import Testing

@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test func itKeepsTheOrderAndEveryElement() {
        let numbers = Array(0..<10_007)
        #expect(numbers.concurrentMap { $0 * 3 } == numbers.map { $0 * 3 })
        #expect([Int]().concurrentMap { $0 }.isEmpty)
        #expect([7].concurrentMap { $0 + 1 } == [8])
    }
}
