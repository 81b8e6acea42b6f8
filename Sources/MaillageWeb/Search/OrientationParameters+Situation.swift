import MaillageCore

extension OrientationParameters {
    /// The situation the network's rules are read against: the person's commune, needs, public (from the age band) and
    /// constraints (no equipment, no internet at home, little French, a disability).
    func situation(commune: CommuneCode) -> OrientationRule.Situation {
        var constraints: Set<OrientationRule.Constraint> = []
        if equipment == .aucun { constraints.insert(.sansEquipement) }
        if !internetAtHome { constraints.insert(.sansInternet) }
        if language != .francais { constraints.insert(.autreLangue) }
        if supports.contains(where: { [.surdite, .deficienceVisuelle, .handicapsMoteurs, .handicapsMentaux].contains($0) }) { constraints.insert(.handicap) }
        return OrientationRule.Situation(commune: commune, needs: needs, publics: Set([age?.targetPublic].compactMap { $0 }), constraints: constraints)
    }
}
