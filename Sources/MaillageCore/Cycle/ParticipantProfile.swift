/// The profiles a meeting brings together, as the seed's cycle names them.
public enum ParticipantProfile: String, CaseIterable, Codable, Sendable {
    case acteurInclusion = "acteur_inclusion"
    case acteurEloigne = "acteur_eloigne"
    case acteurTerrain = "acteur_terrain"
    case elu
    case animateur

    public var label: String {
        switch self {
        case .acteurInclusion: "Acteur de l'inclusion numérique"
        case .acteurEloigne: "Acteur éloigné du sujet"
        case .acteurTerrain: "Acteur de terrain"
        case .elu: "Élu"
        case .animateur: "Animateur"
        }
    }

    /// The label in the plural, for « la rencontre en chiffres ».
    public var pluralLabel: String {
        switch self {
        case .acteurInclusion: "acteurs de l'inclusion numérique"
        case .acteurEloigne: "acteurs éloignés du sujet"
        case .acteurTerrain: "acteurs de terrain"
        case .elu: "élus"
        case .animateur: "animateurs"
        }
    }
}
