import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, in chunks, keeping the order: for large pure computations such as the
    /// diagnostic of every commune of France.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let chunkCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunkCount > 1 else { return map(transform) }
        let results = Mutex<[[T]]>(Array<[T]>(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * count / chunkCount)..<((chunk + 1) * count / chunkCount)
            let mapped = self[range].map(transform)
            results.withLock { $0[chunk] = mapped }
        }
        return results.withLock { $0 }.flatMap { $0 }
    }
}
