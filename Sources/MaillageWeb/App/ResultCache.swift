import Synchronization

/// Results of computations that depend only on one index's data (a diagnostic, a workshop matrix), kept until the
/// index is replaced: asking twice for the same perimeter computes once. Bounded: beyond `capacity`, the oldest
/// result goes.
final class ResultCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Store {
        var values: [Key: Value] = [:]
        var order: [Key] = []
    }

    private let store = Mutex(Store())
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The stored result, or `compute`'s, then stored.
    func value<Failure: Error>(for key: Key, compute: () throws(Failure) -> Value) throws(Failure) -> Value {
        if let cached = store.withLock({ $0.values[key] }) { return cached }
        let value = try compute()
        store.withLock { store in
            guard store.values.updateValue(value, forKey: key) == nil else { return }
            store.order.append(key)
            if store.order.count > capacity { store.values[store.order.removeFirst()] = nil }
        }
        return value
    }

    var count: Int { store.withLock { $0.values.count } }
}
