/// A pass that sent ``MaillageCore/WorkshopCard/maxPerPassPerMinute`` cards in its current minute: it may send again
/// in `retryAfter` seconds.
public struct CardRateExceeded: Error, Hashable, Sendable {
    public var retryAfter: Int
}
