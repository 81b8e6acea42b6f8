import MaillageCore
import MaillageStorage

/// The person behind a request: signed in (an actor and their session), or not.
struct Visitor: Sendable {
    /// The signed-in person; nil for a visitor without an account or whose session ended.
    var actor: Actor?
    /// The session's token, from its cookie (to end it).
    var sessionToken: String?
    /// The token forms must carry: the session's, or the anonymous form cookie's.
    var csrfToken: String?
    /// The meeting-scoped pass of a participant who joined a workshop with its code (no account needed).
    var workshopPass: WorkshopRepository.Pass?

    var author: Author? { actor.map(Author.init) }
}
