import Hummingbird

/// The two cookies Maillage sets: the session (signed-in people) and the form token (forms filled before signing in).
/// Both `HttpOnly`, `SameSite=Lax`, `Secure` over HTTPS, for the whole site, and gone when the browser closes.
enum Cookies {
    static let session = "maillage_session"
    static let form = "maillage_formulaire"

    static func make(_ name: String, _ value: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func clear(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
