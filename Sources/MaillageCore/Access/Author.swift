/// Who a change is recorded under in the trail: a signed-in person, or the command line.
public struct Author: Hashable, Sendable {
    public var accountID: Int?
    public var label: String

    public init(accountID: Int?, label: String) {
        self.accountID = accountID
        self.label = label
    }

    public init(_ actor: Actor) { self.init(accountID: actor.accountID, label: actor.name) }

    /// An administrator at the server's command line.
    public static let commandLine = Author(accountID: nil, label: "ligne de commande")
}
