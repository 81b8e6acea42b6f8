import Synchronization

/// Turns to work on requests, shared by every connection: at most ``ConnectionLimits/maxRequestsInFlight`` requests
/// hold one at once, the others wait suspended (no thread held) in a bounded first-come-first-served queue for a bounded
/// time. A waiter whose task is cancelled (its client gone) leaves the queue; a turn is given back exactly once.
final class RequestAdmission: Sendable {
    /// What a request gets: a turn (to give back with ``leave()``), or a refusal with, at most once a minute, the count
    /// of refusals to log.
    enum Outcome: Equatable {
        case admitted
        case queueFull(report: Int?)
        case timedOut(report: Int?)
        case cancelled
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Outcome, Never>
        let timer: Task<Void, Never>
    }

    private struct State {
        var inFlight = 0
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
        var refusals = RefusalReport()
    }

    private let state = Mutex(State())
    let limits: ConnectionLimits

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Takes a turn at once when one is free and nobody waits, else waits for one; refused when the queue is full or the
    /// wait exceeds ``ConnectionLimits/requestWaitTimeout``.
    func enter() async -> Outcome {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let immediate: Outcome? = state.withLock { state in
                    // The cancellation flag is set before the handler runs: read under the lock, no waiter is left behind.
                    if Task.isCancelled { return .cancelled }
                    if state.inFlight < limits.maxRequestsInFlight && state.waiters.isEmpty {
                        state.inFlight += 1
                        return .admitted
                    }
                    guard state.waiters.count < limits.maxRequestsWaiting else {
                        return .queueFull(report: state.refusals.refused(now: .now))
                    }
                    let wait = limits.requestWaitTimeout
                    let timer = Task { [self] in
                        guard (try? await Task.sleep(for: wait)) != nil else { return }
                        withdraw(id, timedOut: true)
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation, timer: timer))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            withdraw(id, timedOut: false)
        }
    }

    /// Gives a turn back: to the first waiter if any, else to the pool.
    func leave() {
        let next = state.withLock { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.inFlight -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.timer.cancel()
        next?.continuation.resume(returning: .admitted)
    }

    /// Takes waiter `id` out of the queue (when still in it) and tells it why.
    private func withdraw(_ id: UInt64, timedOut: Bool) {
        let found = state.withLock { state -> (Waiter, Outcome)? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            let waiter = state.waiters.remove(at: index)
            return (waiter, timedOut ? .timedOut(report: state.refusals.refused(now: .now)) : .cancelled)
        }
        guard let (waiter, outcome) = found else { return }
        waiter.timer.cancel()
        waiter.continuation.resume(returning: outcome)
    }

    /// The requests holding a turn and those waiting for one.
    var current: (inFlight: Int, waiting: Int) { state.withLock { ($0.inFlight, $0.waiters.count) } }
}
