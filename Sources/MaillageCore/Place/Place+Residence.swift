extension Place {
    /// The place says, in its own presentation, that it serves only the residents of its commune (« accueil réservé
    /// aux habitants de la commune »). The standard has no field for it: only the place's words are read, never its kind.
    public var servesOnlyResidents: Bool {
        let text = [presentationResume, presentationDetail].compactMap { $0?.folded }.joined(separator: " ")
        guard !text.isEmpty else { return false }
        let padded = " \(text) "
        // `firstRange(of:)`, not Foundation's `contains`: this runs for every place when the index is built.
        return Self.residentsOnlyPhrases.contains { phrase in padded.firstRange(of: " \(phrase) ") != nil }
    }

    /// What places write when they receive only their own residents, folded.
    private static let residentsOnlyPhrases = [
        "reserve aux habitants", "reservee aux habitants", "reserve aux administres", "reservee aux administres",
        "uniquement aux habitants", "uniquement pour les habitants", "uniquement les habitants",
        "reserve aux residents", "reservee aux residents", "habitants de la commune uniquement"
    ]
}
