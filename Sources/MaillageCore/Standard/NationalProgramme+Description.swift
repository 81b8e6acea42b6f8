extension NationalProgramme {
    /// What the programme means for the person oriented, in one line, for the programmes a field worker meets most.
    public var plainDescription: String? {
        switch self {
        case .franceServices:
            "France services : un guichet public où des agents formés aident, gratuitement, aux démarches de plusieurs administrations (CAF, impôts, retraite, Assurance maladie, France Travail…)."
        case .aidantsConnect:
            "Aidants Connect : l'aidant peut faire la démarche en ligne à la place de la personne, avec son accord donné par un mandat."
        case .conseillersNumeriques:
            "Conseillers numériques : des professionnels qui apprennent à se servir d'un ordinateur ou d'un smartphone, gratuitement."
        default:
            nil
        }
    }
}
