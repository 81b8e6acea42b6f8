/// One item of a meeting's agenda: what is done, of which kind, for how long.
public struct AgendaItem: Hashable, Sendable {
    public var title: String
    public var kind: WorkshopKind
    public var minutes: Int?

    public init(title: String, kind: WorkshopKind, minutes: Int? = nil) {
        self.title = title
        self.kind = kind
        self.minutes = minutes
    }

    public static let titleLength = 1...200
    public static let minutesRange = 5...480
}
