/// What kind of organisation a structure is, in the words of the field.
public enum StructureKind: String, CaseIterable, Codable, Sendable {
    case ccas
    case centreSocial = "centre_social"
    case mediatheque
    case mairie
    case franceServices = "france_services"
    case association
    case agglomeration
    case departement
    case emploi
    case autre

    public var label: String {
        switch self {
        case .ccas: "CCAS / CIAS"
        case .centreSocial: "Centre social"
        case .mediatheque: "Médiathèque, bibliothèque"
        case .mairie: "Mairie"
        case .franceServices: "France services"
        case .association: "Association"
        case .agglomeration: "Service de l'agglomération"
        case .departement: "Département"
        case .emploi: "Emploi, insertion"
        case .autre: "Autre"
        }
    }

    /// The kind a place's typology and name (already `folded`) suggest.
    public static func guess(typologie: [Typology], foldedName folded: String) -> StructureKind {
        // `firstRange(of:)` rather than `contains`, which Foundation answers by bridging the name to `NSString`.
        func says(_ phrases: String...) -> Bool { phrases.contains { folded.firstRange(of: $0) != nil } }
        if typologie.contains(.ccas) || typologie.contains(.cias) || says("ccas") { return .ccas }
        if typologie.contains(.msap) || says("france service") { return .franceServices }
        if typologie.contains(.bib) || typologie.contains(.relaisLecture) || says("mediatheque", "bibliotheque") {
            return .mediatheque
        }
        if typologie.contains(.cs) || typologie.contains(.csc) || typologie.contains(.evs) || says("centre social") { return .centreSocial }
        if typologie.contains(.muni) || folded.hasPrefix("mairie") || folded.hasPrefix("ville de") { return .mairie }
        if typologie.contains(.epci) || says("agglomeration") { return .agglomeration }
        if typologie.contains(.dept) || typologie.contains(.mds) || says("departement") { return .departement }
        if typologie.contains(.ft) || typologie.contains(.ml) || typologie.contains(.capEmploi) || typologie.contains(.plie) { return .emploi }
        if typologie.contains(.asso) || typologie.contains(.assoChomeur) || says("association") { return .association }
        return .autre
    }
}
