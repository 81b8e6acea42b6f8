import Foundation
import HummingbirdOTP

/// Time-based codes (TOTP, RFC 6238: six digits, 30 s) of an authenticator app, with HummingbirdOTP.
enum SecondFactorCode {
    static let timeStep = 30

    /// A new secret: 20 characters of the base-32 alphabet from the system's secure generator.
    static func makeSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The time step a six-digit code matches, the current one or its neighbours (a clock a little off); nil otherwise.
    static func matchingStep(_ code: String, secret: String, now: Date) -> Int? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let totp = TOTP(secret: secret, timeStep: timeStep)
        let current = Int(now.timeIntervalSince1970) / timeStep
        return [current, current - 1, current + 1].first { step in
            totp.compute(date: Date(timeIntervalSince1970: TimeInterval(step * timeStep))) == value
        }
    }

    /// The `otpauth://` address an authenticator app reads, and the key to type into it by hand.
    static func enrolment(secret: String, account: String) -> (url: String, key: String) {
        let url = TOTP(secret: secret, timeStep: timeStep).createAuthenticatorURL(label: "Maillage:\(account)", issuer: "Maillage")
        let key = url.firstMatch(of: /secret=([A-Z2-7]+)/).map { String($0.1) } ?? ""
        return (url, key)
    }
}
