import MaillageCore

extension ReferralFlows.Pair {
    /// « CCAS de Raismes → Pop School : 3 orientations, dont 1 honorée (Maîtrise des outils numériques) », each structure
    /// named by its own function (the receiving one may say its territory).
    static func sentence(from fromName: @escaping (String) -> String, to toName: @escaping (String) -> String) -> (Self) -> String {
        { pair in
            "\(fromName(pair.from)) → \(toName(pair.to)) : \(French.count(pair.count, "orientation", "orientations"))"
                + (pair.honoured > 0 ? ", dont \(French.count(pair.honoured, "honorée", "honorées"))" : "")
                + " (\(pair.needs.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
