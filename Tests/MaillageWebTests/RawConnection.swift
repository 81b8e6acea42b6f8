import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A bare TCP connection to a live server, as a hostile client holds one: opened from a chosen loopback address, bytes
/// sent when the test says, everything the server sends kept with the moment it closed the connection.
final class RawConnection: Sendable {
    private struct Received {
        var bytes: [UInt8] = []
        var closedAt: ContinuousClock.Instant?
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received = Mutex(Received())

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            received.withLock { $0.bytes += buffer.readableBytesView }
        }

        func channelInactive(context: ChannelHandlerContext) {
            received.withLock { $0.closedAt = .now }
        }
    }

    private let channel: any Channel
    private let collector: Collector
    let openedAt: ContinuousClock.Instant

    private init(channel: any Channel, collector: Collector, openedAt: ContinuousClock.Instant) {
        self.channel = channel
        self.collector = collector
        self.openedAt = openedAt
    }

    /// Connects to `127.0.0.1:port` from `source` (any 127.x.y.z address on Linux's loopback); a client that does not
    /// read (`reading: false`, with a small receive buffer) reads nothing until ``startReading()``.
    static func open(port: Int, from source: String = "127.0.0.1", reading: Bool = true) async throws -> RawConnection {
        let collector = Collector()
        let openedAt = ContinuousClock.now
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(to: try SocketAddress(ipAddress: source, port: 0))
            .channelOption(.autoRead, value: reading)
            .channelOption(.socketOption(.so_rcvbuf), value: reading ? 131_072 : 4_096)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) } }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, collector: collector, openedAt: openedAt)
    }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: text)).get()
    }

    /// Sends a `GET` kept alive.
    func get(_ path: String) async throws {
        try await send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    func startReading() async throws {
        try await channel.setOption(.autoRead, value: true).get()
        channel.read()
    }

    func close() async {
        try? await channel.close().get()
    }

    /// What the server sent so far.
    var text: String { String(decoding: collector.received.withLock { $0.bytes }, as: UTF8.self) }
    /// When the server closed the connection, if it did.
    var closedAt: ContinuousClock.Instant? { collector.received.withLock { $0.closedAt } }

    /// Waits (at most `limit`) until one whole response has arrived (head and a body of its `Content-Length`); returns
    /// its head and body, or nil if none came.
    func response(within limit: Duration = .seconds(5)) async throws -> (head: String, body: String)? {
        try await wait(within: limit) {
            let text = $0.text
            guard let end = text.range(of: "\r\n\r\n") else { return nil }
            let head = String(text[..<end.lowerBound])
            let length =
                head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            let body = String(text[end.upperBound...])
            return body.utf8.count >= length ? (head, body) : nil
        }
    }

    /// Waits (at most `limit`) until the server closes the connection; returns how long after opening it did.
    func closing(within limit: Duration) async throws -> Duration? {
        try await wait(within: limit) { connection in connection.closedAt.map { $0 - connection.openedAt } }
    }

    private func wait<T>(within limit: Duration, _ check: (RawConnection) -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let found = check(self) { return found }
            try await Task.sleep(for: .milliseconds(5))
        }
        return check(self)
    }
}
