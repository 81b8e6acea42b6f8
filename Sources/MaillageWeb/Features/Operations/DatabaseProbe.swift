import MaillageStorage

/// What `/health` asks of the database: the name of its backend, and a cheap read that throws when it does not answer.
protocol DatabaseProbe: Sendable {
    var backendName: String { get }
    func probe() async throws
}

extension AppDatabase: DatabaseProbe {
    var backendName: String { backend.rawValue }

    func probe() async throws { _ = try await territories.isEmpty() }
}
