/// What a card of a workshop board says, and where it goes once the animateurs keep it.
public enum CardKind: String, CaseIterable, Codable, Sendable {
    /// A structure that helps people in the commune (picked from the directory, or new: the review queue).
    case ressource
    /// A place the commune lacks (the missing places register).
    case lieuManquant = "lieu_manquant"
    /// A need hard to meet in the commune.
    case besoinDifficile = "besoin_difficile"
    /// A resource people use in a neighbouring territory.
    case ressourceVoisine = "ressource_voisine"
    /// A partnership imagined between two structures.
    case partenariat
    /// A way to orient a person to the right actor for their situation.
    case orientation
    /// A persona's journey discussed at the table.
    case parcours

    public var label: String {
        switch self {
        case .ressource: "Structure ressource"
        case .lieuManquant: "Lieu manquant"
        case .besoinDifficile: "Besoin difficile à satisfaire"
        case .ressourceVoisine: "Ressource d'un territoire voisin"
        case .partenariat: "Partenariat imaginé"
        case .orientation: "Orientation"
        case .parcours: "Parcours discuté"
        }
    }

    /// The heading of the column of the board, in the plural.
    public var columnLabel: String {
        switch self {
        case .ressource: "Structures ressources"
        case .lieuManquant: "Lieux manquants"
        case .besoinDifficile: "Besoins difficiles à satisfaire"
        case .ressourceVoisine: "Ressources des territoires voisins"
        case .partenariat: "Partenariats imaginés"
        case .orientation: "Orientations"
        case .parcours: "Parcours discutés"
        }
    }
}
