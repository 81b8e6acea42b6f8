import MaillageCore

extension OrientationParameters {
    /// The situation the network's rules are read against: the person's commune, needs, public (from the age band) and
    /// constraints (no equipment, no internet at home, little French, a disability).
    func situation(commune: CommuneCode) -> OrientationRule.Situation {
        var constraints = Set((supports + [language.support].compactMap { $0 }).compactMap(\.ruleConstraint))
        if equipment == .aucun { constraints.insert(.sansEquipement) }
        if !internetAtHome { constraints.insert(.sansInternet) }
        return OrientationRule.Situation(
            commune: commune, needs: needs, publics: Set([age?.targetPublic].compactMap { $0 }), constraints: constraints)
    }
}
