import HTTPTypes
import Logging
import MaillageCore
import NIOCore
import NIOHTTPTypes

/// The first judge of every connection, placed right after HTTP decoding: it takes the connection's slot in the
/// shared ``ConnectionCounter`` (a connection beyond a cap gets a `503` with `Retry-After` and is closed), closes a
/// connection whose request head is not complete within the header timeout (slowloris), answers `408` and closes when
/// a body is not complete within the body timeout, closes a connection whose client stops reading its answer for the
/// idle timeout (slow readers), and gives the slot back when the connection closes.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum State {
        case new
        /// Holding a slot taken for this address.
        case admitted(address: String)
        /// Beyond a cap: nothing reaches the application; the `503` goes out at the request head or after a short wait.
        case refused(answered: Bool)
        case closed
    }

    /// How long a refused connection waits for its request head before it gets its `503` anyway, then for the client
    /// to close after it (so the answer is read, not lost to a reset).
    static let refusalWait = TimeAmount.seconds(1)

    private let counter: ConnectionCounter
    private let logger: Logger
    private var state = State.new
    private var timer: Scheduled<Void>?
    /// Runs while the client reads too slowly for the answer to be written (the connection not writable).
    private var stalled: Scheduled<Void>?
    /// Whether the application began answering the current request.
    private var responding = false

    init(counter: ConnectionCounter, logger: Logger) {
        self.counter = counter
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (state, part) {
        case (.refused(answered: false), .head):
            refuse(context)
        case (.refused, _), (.closed, _), (.new, _):
            break
        case (.admitted, .head):
            responding = false
            schedule(in: TimeAmount(counter.limits.bodyTimeout), on: context) { [unowned self] context in self.bodyTooSlow(context) }
            context.fireChannelRead(data)
        case (.admitted, .end):
            cancelTimer()
            context.fireChannelRead(data)
        case (.admitted, .body):
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head = unwrapOutboundIn(data) { responding = true }
        context.write(data, promise: promise)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stalled?.cancel()
            stalled = nil
        } else if stalled == nil {
            stalled = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(counter.limits.idleTimeout)) { context.close(promise: nil) }
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .refused(answered: true) = state, case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if case .refused = state { context.close(promise: nil) } else { context.fireErrorCaught(error) }
    }

    /// Takes a slot, or refuses the connection; the header timeout starts either way.
    private func admit(_ context: ChannelHandlerContext) {
        guard case .new = state else { return }
        let address = AddressGroup.of(context.channel.remoteAddress?.ipAddress ?? "inconnue")
        switch counter.open(from: address) {
        case .admitted:
            state = .admitted(address: address)
            schedule(in: TimeAmount(counter.limits.headerTimeout), on: context) { context in context.close(promise: nil) }
        case .refused(let report):
            if let report {
                let open = counter.current
                logger.warning(
                    "Connexions refusées (503) : plafond atteint",
                    metadata: [
                        "refusées": .stringConvertible(report), "ouvertes": .stringConvertible(open.total),
                        "adresses": .stringConvertible(open.addresses), "dernière_adresse": .string(address)
                    ])
            }
            state = .refused(answered: false)
            schedule(in: Self.refusalWait, on: context) { [unowned self] context in self.refuse(context) }
        }
    }

    /// Answers `503` with `Retry-After`, stops sending, and closes when the client does (or after a short wait).
    private func refuse(_ context: ChannelHandlerContext) {
        guard case .refused(answered: false) = state else { return }
        state = .refused(answered: true)
        answer(
            .serviceUnavailable, "Serveur momentanément saturé : trop de connexions ouvertes. Réessayez dans quelques secondes.",
            retryAfter: ConnectionLimits.retryAfterSeconds, on: context)
        context.close(mode: .output, promise: nil)
        schedule(in: Self.refusalWait, on: context) { context in context.close(promise: nil) }
    }

    /// Answers `408` when the application has not begun an answer, then closes.
    private func bodyTooSlow(_ context: ChannelHandlerContext) {
        if !responding {
            answer(.requestTimeout, "Requête trop lente : son contenu n'est pas arrivé à temps.", retryAfter: nil, on: context)
        }
        context.close(promise: nil)
    }

    private func answer(_ status: HTTPResponse.Status, _ text: String, retryAfter: Int?, on context: ChannelHandlerContext) {
        let body = context.channel.allocator.buffer(string: text + "\n")
        var fields: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(body.readableBytes), .connection: "close"]
        fields[.retryAfter] = retryAfter.map(String.init)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func schedule(in delay: TimeAmount, on context: ChannelHandlerContext, _ action: @escaping (ChannelHandlerContext) -> Void) {
        cancelTimer()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { action(context) }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    /// Gives the slot back, once, and stops the timers.
    private func release() {
        cancelTimer()
        stalled?.cancel()
        stalled = nil
        if case .admitted(let address) = state { counter.close(from: address) }
        state = .closed
    }
}

@available(*, unavailable)
extension ConnectionGuard: Sendable {}
