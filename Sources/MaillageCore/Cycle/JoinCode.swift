/// The short code participants type on their phone to join a meeting's workshop: six characters of an alphabet
/// without look-alikes (no 0/O, 1/I/L), read aloud or scanned from the projected QR code.
public enum JoinCode {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 6

    /// A new random code.
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// The code as typed, in the form it is stored (capitals, without spaces or dashes); nil when it cannot be one.
    public static func normalised(_ typed: String) -> String? {
        let code = String(typed.uppercased().filter { $0 != " " && $0 != "-" })
        guard code.count == length, code.allSatisfy(alphabet.contains) else { return nil }
        return code
    }
}
