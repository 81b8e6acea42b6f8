/// Something a person asks to do, with what it applies to: what ``AccessPolicy`` decides on.
public enum Action: Hashable, Sendable {
    /// Create, edit, duplicate or delete the personas of a territory's library.
    case editPersonas(Siren)
    /// Invite someone to hold a role.
    case invite(RoleGrant)
    /// Give or take away a role held by someone else.
    case manageRole(RoleGrant)
    /// Make a password-reset link for a person holding these roles.
    case resetPassword(of: Set<RoleGrant>)
    /// Read the trail of changes of a territory, or of the whole instance (nil).
    case readJournal(Siren?)
    /// Edit a structure's places and offer (declarations of its places, its own description).
    case editStructure(String)
    /// Propose a new place, or a missing place, in a territory, and support a missing place.
    case proposePlace(Siren)
    /// Review a territory's declarations and disagreements, decide on its missing places.
    case review(Siren)
    /// Prepare and run a territory's meeting cycles: cycles, meetings, participants and attendance, the live workshop
    /// (open, close, moderate), decisions and reports; read the participants' names.
    case runCycles(Siren)
    /// Keep the territory's orientation rules (which structures to orient to, by situation).
    case curateOrientation(Siren)
    /// Send an orientation for a person from a structure to another, and follow it.
    case sendReferral(from: String)
    /// Read and answer the orientations a structure received.
    case answerReferral(to: String)
    /// Declare a partnership of a structure with another, and change its state or notes.
    case declarePartnership(from: String)
    /// Contribute to a territory's meetings (comments, answers).
    case contribute(Siren)
    /// Turn on a second factor (a code of an authenticator app) for one's own sign-in.
    case useSecondFactor
    /// Create accounts, disable them, change anything (the administrator's own tasks).
    case administer
}
