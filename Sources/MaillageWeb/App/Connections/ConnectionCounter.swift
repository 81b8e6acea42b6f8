import Synchronization

/// The connections open right now, in all and per client address, shared by every event loop: a slot is taken when a
/// connection opens and given back when it closes, however it closes.
final class ConnectionCounter: Sendable {
    private struct Counts {
        var total = 0
        var perAddress: [String: Int] = [:]
        var refusals = RefusalReport()
    }

    /// What a connection gets: a slot, or a refusal (with, at most once a minute, the count of refusals to log).
    enum Admission: Equatable {
        case admitted
        case refused(report: Int?)
    }

    private let counts = Mutex(Counts())
    let limits: ConnectionLimits

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Takes a slot for a connection from `address`, or refuses it (nothing taken) when a cap is reached.
    func open(from address: String, now: ContinuousClock.Instant = .now) -> Admission {
        counts.withLock { counts in
            let fromAddress = counts.perAddress[address, default: 0]
            guard counts.total < limits.maxConnections, fromAddress < limits.maxConnectionsPerAddress else {
                return .refused(report: counts.refusals.refused(now: now))
            }
            counts.total += 1
            counts.perAddress[address] = fromAddress + 1
            return .admitted
        }
    }

    /// Gives back the slot a connection from `address` took.
    func close(from address: String) {
        counts.withLock { counts in
            counts.total -= 1
            let left = counts.perAddress[address, default: 1] - 1
            counts.perAddress[address] = left > 0 ? left : nil
        }
    }

    /// The connections open in all and the number of addresses they come from.
    var current: (total: Int, addresses: Int) { counts.withLock { ($0.total, $0.perAddress.count) } }
}
