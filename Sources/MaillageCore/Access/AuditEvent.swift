import Foundation

/// One entry of the trail: who did what to which object, when, and the values before and after.
public struct AuditEvent: Hashable, Sendable {
    public var id: Int?
    public var at: Date
    /// The account that acted; nil for the command line, the system, or a person since deleted.
    public var actorID: Int?
    /// The actor as shown in the journal (a name, « ligne de commande », « compte supprimé »).
    public var actorLabel: String
    /// The territory the change belongs to, when it belongs to one.
    public var territory: Siren?
    /// What was done, in French (`persona modifié`, `connexion refusée`…).
    public var action: String
    /// The kind of object (`persona`, `compte`, `rôle`, `invitation`, `session`).
    public var objectKind: String
    public var objectID: String
    public var before: String?
    public var after: String?

    public init(
        id: Int? = nil, at: Date, actorID: Int?, actorLabel: String, territory: Siren? = nil, action: String,
        objectKind: String, objectID: String, before: String? = nil, after: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.territory = territory
        self.action = action
        self.objectKind = objectKind
        self.objectID = objectID
        self.before = before
        self.after = after
    }

    /// An event recorded under an author (a signed-in person, or the command line).
    public init(
        at: Date, by author: Author, territory: Siren? = nil, action: String, objectKind: String, objectID: String,
        before: String? = nil, after: String? = nil
    ) {
        self.init(
            at: at, actorID: author.accountID, actorLabel: author.label, territory: territory, action: action,
            objectKind: objectKind, objectID: objectID, before: before, after: after)
    }
}
