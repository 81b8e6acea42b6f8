/// One task of a persona, tied to the standard service that answers it.
public struct PersonaNeed: Hashable, Codable, Sendable {
    /// The concrete task, in French: "déclarer ses revenus en ligne".
    public var task: String
    public var service: Service

    public init(task: String, service: Service) {
        self.task = task
        self.service = service
    }
}
