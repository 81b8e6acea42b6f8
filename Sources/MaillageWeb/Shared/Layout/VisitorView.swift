import MaillageCore

/// What every page says of its visitor (`{{visitor.…}}`): their name and links when signed in, and the token their
/// forms carry (`{{visitor.csrf}}`).
struct VisitorView {
    let tree: [String: Any]

    init(_ visitor: Visitor) {
        var tree: [String: Any] = [:]
        if let token = visitor.csrfToken { tree["csrf"] = token }
        if let actor = visitor.actor {
            tree["signedIn"] = true
            tree["name"] = actor.name
            if actor.isAdministrator || actor.grants.contains(where: { $0.role == .coordinateur }) {
                tree["readsJournal"] = true
                tree["reviews"] = true
            }
            if actor.isAdministrator || actor.grants.contains(where: { [.coordinateur, .animateur].contains($0.role) }) { tree["invites"] = true }
            // A structure's member sends and receives orientations.
            if actor.grants.contains(where: { $0.role == .membre }) { tree["orients"] = true }
        }
        self.tree = tree
    }
}
