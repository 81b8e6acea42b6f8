import Foundation
import MaillageCore
import MaillageStorage

/// The live boards' watchers: one per meeting that has open event streams, reading the meeting's version once per
/// interval (so that another instance's writes are seen too) and handing it to every stream of the meeting, instead of
/// each stream reading the database. Counts the streams against ``EventStreamLimits``; a meeting's streams end when its
/// workshop closes.
actor WorkshopWatchers {
    /// Why a stream was refused: the cap it met, in French.
    struct Refused: Error, Sendable {
        var reason: String
    }

    /// An open stream: the versions as they are read (the same one again at each read, which paces keep-alives); it
    /// finishes when the workshop closes. Its place is given back when the stream is dropped.
    struct Subscription: Sendable {
        var versions: AsyncStream<Int>
    }

    private struct Listener {
        var address: String
        var continuation: AsyncStream<Int>.Continuation
    }

    private let limits: EventStreamLimits
    private let read: @Sendable (Int) async throws -> CycleRepository.Pulse?
    private var listeners: [Int: [UUID: Listener]] = [:]
    private var perAddress: [String: Int] = [:]
    private var watchers: [Int: Task<Void, Never>] = [:]
    private var latest: [Int: Int] = [:]

    init(limits: EventStreamLimits, read: @escaping @Sendable (Int) async throws -> CycleRepository.Pulse?) {
        self.limits = limits
        self.read = read
    }

    /// The number of open streams, in all.
    var count: Int { listeners.values.reduce(0) { $0 + $1.count } }

    /// Opens a stream on the meeting for a client address, or refuses it (``Refused``) beyond a cap.
    func listen(meetingID: Int, address: String) throws -> Subscription {
        let address = AddressGroup.of(address)
        if count >= limits.total { throw Refused(reason: "Trop de tableaux en direct sont ouverts sur ce serveur") }
        if perAddress[address, default: 0] >= limits.perAddress {
            throw Refused(reason: "Trop de tableaux en direct sont ouverts depuis cette adresse")
        }
        if listeners[meetingID]?.count ?? 0 >= limits.perMeeting {
            throw Refused(reason: "Trop de tableaux en direct sont ouverts pour cette rencontre")
        }
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.leave(id, meetingID: meetingID) }
        }
        listeners[meetingID, default: [:]][id] = Listener(address: address, continuation: continuation)
        perAddress[address, default: 0] += 1
        if let version = latest[meetingID] { continuation.yield(version) }
        if watchers[meetingID] == nil { watchers[meetingID] = watch(meetingID) }
        return Subscription(versions: stream)
    }

    private func leave(_ id: UUID, meetingID: Int) {
        guard let listener = listeners[meetingID]?.removeValue(forKey: id) else { return }
        perAddress[listener.address, default: 1] -= 1
        if perAddress[listener.address] == 0 { perAddress[listener.address] = nil }
        if listeners[meetingID]?.isEmpty == true { stopWatching(meetingID) }
    }

    private func watch(_ meetingID: Int) -> Task<Void, Never> {
        let read = self.read, interval = limits.interval
        return Task { [weak self] in
            while !Task.isCancelled {
                // A failed read (nil here) is skipped: the next one tells the streams.
                let pulse: CycleRepository.Pulse??
                do { pulse = .some(try await read(meetingID)) } catch { pulse = nil }
                guard let self, await self.publish(meetingID, pulse: pulse) else { return }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Hands a read to the meeting's streams; ends them when the workshop is no longer open. Returns whether to go on.
    private func publish(_ meetingID: Int, pulse: CycleRepository.Pulse??) -> Bool {
        guard let current = listeners[meetingID], !current.isEmpty else { return false }
        guard let read = pulse else { return true }
        guard let read, read.isOpen else {
            // Finishing a stream calls its termination, which gives its place back.
            for listener in current.values { listener.continuation.finish() }
            stopWatching(meetingID)
            return false
        }
        latest[meetingID] = read.version
        for listener in current.values { listener.continuation.yield(read.version) }
        return true
    }

    private func stopWatching(_ meetingID: Int) {
        watchers.removeValue(forKey: meetingID)?.cancel()
        latest[meetingID] = nil
        if listeners[meetingID]?.isEmpty == true { listeners[meetingID] = nil }
    }
}
