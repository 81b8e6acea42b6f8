extension Place {
    /// How to get in, as the sources declare it. When they declare nothing, says so and how to find out:
    /// a walk-in is never promised on no source's word.
    public var accessInstructions: [String] {
        guard modalitesAcces.isEmpty else { return modalitesAcces.map(\.instruction) }
        return ["Les conditions d'accueil (avec ou sans rendez-vous) ne sont pas renseignées : \(howToAsk) avant de venir."]
    }

    /// What to do when the opening hours are unknown or unreadable.
    public var hoursAdvice: String {
        "Horaires à confirmer : \(howToAsk) avant de venir."
    }

    /// The way to ask the place what no source says: its telephone, else its e-mail, else the town hall of its commune.
    public var howToAsk: String {
        if telephone != nil { return "téléphoner au lieu" }
        if !courriels.isEmpty { return "écrire au lieu par courriel" }
        return "se renseigner auprès de la mairie de \(commune)"
    }
}
