import Foundation

/// What a password must be: at least 12 characters, at most 200, and not one of the passwords everyone tries first
/// (a common word or keyboard row with digits and symbols around it, one character repeated, the person's e-mail).
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumLength = 200

    /// Words and keyboard rows found at the top of leaked-password lists, French and English, lower-cased.
    static let commonStems: Set<String> = [
        "password", "passw", "motdepasse", "mdp", "azerty", "azertyuiop", "qwerty", "qwertyuiop", "qwertz", "asdfgh", "wxcvbn",
        "soleil", "bonjour", "jetaime", "iloveyou", "doudou", "chouchou", "loulou", "marseille", "paris", "nicolas", "camille",
        "julien", "thomas", "admin", "administrateur", "root", "welcome", "bienvenue", "letmein", "football", "dragon", "monkey",
        "sunshine", "princess", "master", "secret", "changeme", "maillage", "inclusion", "numerique", "france", "test", "abc",
        "abcdef", "abcdefghijkl", "aaaaaa", "toto", "titi", "tata", "coucou", "chocolat", "bisous", "amour", "superman", "batman"
    ]

    /// Why the password is refused, or nil when it is acceptable.
    public static func refusal(of password: String, email: String = "") -> String? {
        if password.count < minimumLength { return "au moins \(minimumLength) caractères" }
        if password.count > maximumLength { return "au plus \(maximumLength) caractères" }
        let lowered = password.lowercased()
        if Set(lowered).count <= 2 { return "plus de deux caractères différents" }
        let stem = String(lowered.filter(\.isLetter).folding(options: .diacriticInsensitive, locale: nil))
        if stem.isEmpty || commonStems.contains(stem) || isRun(lowered) {
            return "un mot de passe moins courant (pas un mot ou une suite de touches que tout le monde essaie)"
        }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 4 && lowered.contains(local) { return "un mot de passe qui ne reprend pas votre adresse e-mail" }
        return nil
    }

    /// Whether the text is a run of consecutive characters (`123456789012`, `abcdefghijkl`).
    private static func isRun(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.map(\.value)
        return zip(scalars, scalars.dropFirst()).allSatisfy { $1 == $0 + 1 } || zip(scalars, scalars.dropFirst()).allSatisfy { $1 + 1 == $0 }
    }
}
