/// The kinds of workshop a meeting's agenda holds, as the seed's cycle runs them.
public enum WorkshopKind: String, CaseIterable, Codable, Sendable {
    case interconnaissance
    /// « L'inclusion numérique sur mon territoire »: the diagnostic board, per commune.
    case diagnostic
    /// User journeys of personas, resolved with the territory's actors.
    case parcours
    case partenariats
    case restitution
    case autre

    public var label: String {
        switch self {
        case .interconnaissance: "Interconnaissance"
        case .diagnostic: "L'inclusion numérique sur mon territoire"
        case .parcours: "Parcours usagers (personas)"
        case .partenariats: "Partenariats et orientation"
        case .restitution: "Restitution"
        case .autre: "Autre temps"
        }
    }
}
