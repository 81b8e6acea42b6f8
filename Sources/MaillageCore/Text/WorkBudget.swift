/// How long a computation may go on. Checked between units of work (a commune of a diagnostic, a journey of a
/// matrix), it stops the computation once its deadline has passed or its task is cancelled, so that no request keeps
/// a core busy for minutes.
public struct WorkBudget: Sendable {
    /// When the computation must stop; nil for no limit.
    public let deadline: ContinuousClock.Instant?
    /// The limit, for messages.
    public let seconds: Double

    /// No limit (the command line, tests).
    public static let unlimited = WorkBudget(deadline: nil, seconds: .infinity)

    /// A budget of `seconds` from now.
    public init(seconds: Double) {
        self.init(deadline: .now + .milliseconds(Int(seconds * 1_000)), seconds: seconds)
    }

    private init(deadline: ContinuousClock.Instant?, seconds: Double) {
        self.deadline = deadline
        self.seconds = seconds
    }

    /// Whether the deadline has passed.
    public var isExhausted: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

    /// Throws when the deadline has passed or the current task was cancelled.
    public func check() throws(WorkStopped) {
        if Task.isCancelled { throw WorkStopped(reason: .cancelled) }
        if isExhausted { throw WorkStopped(reason: .deadline(seconds: seconds)) }
    }

    /// `transform` of every item, in order (over every core when `concurrently`), checked before each item.
    public func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], concurrently: Bool,
        _ transform: @Sendable (Item) -> Result
    ) throws(WorkStopped) -> [Result] {
        try check()
        let budget = self
        let guarded: @Sendable (Item) -> Result? = { budget.isExhausted ? nil : transform($0) }
        let results = concurrently ? items.concurrentMap(guarded) : items.map(guarded)
        var complete: [Result] = []
        complete.reserveCapacity(results.count)
        for result in results {
            guard let result else { throw WorkStopped(reason: .deadline(seconds: seconds)) }
            complete.append(result)
        }
        try check()
        return complete
    }
}

/// A computation stopped by its ``WorkBudget``.
public struct WorkStopped: Error, Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        case deadline(seconds: Double)
        case cancelled
    }

    public let reason: Reason

    public init(reason: Reason) { self.reason = reason }
}
