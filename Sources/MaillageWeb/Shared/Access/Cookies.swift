import Hummingbird

/// The cookies Maillage sets: the session (signed-in people), the form token (forms filled before signing in) and the
/// workshop pass (participants who joined a meeting with its code). All `HttpOnly`, `SameSite=Lax`, `Secure` over
/// HTTPS, for the whole site, and gone when the browser closes.
enum Cookies {
    static let session = "maillage_session"
    static let form = "maillage_formulaire"
    static let workshopPass = "maillage_atelier"

    static func make(_ name: String, _ value: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func clear(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
