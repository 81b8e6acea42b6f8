/// How complete a place's record is, with the weights of the national map (24 fields; most count twice).
extension Place {
    /// From 0 to 100.
    public var completeness: Int {
        let weighted: [(Bool, Int)] = [
            (!nom.isEmpty, 2), (!adresse.isEmpty, 2), (!commune.isEmpty, 2), (!codePostal.isEmpty, 2), (!services.isEmpty, 2),
            (horaires != nil, 2), (!typologie.isEmpty, 2), (telephone != nil, 2), (!courriels.isEmpty, 2), (!siteWeb.isEmpty, 2),
            (presentationResume != nil || presentationDetail != nil, 2), (true, 2), (!publicsSpecifiquementAdresses.isEmpty, 2),
            (!priseEnChargeSpecifique.isEmpty, 2), (!fraisACharge.isEmpty, 2), (!dispositifProgrammesNationaux.isEmpty, 2),
            (!autresFormationsLabels.isEmpty, 2), (!modalitesAccompagnement.isEmpty, 2), (ficheAccesLibre != nil, 1),
            (precision == .adresse, 1), (precision == .adresse, 1), (priseRdv != nil, 1), (source != nil, 1), (!modalitesAcces.isEmpty, 2)
        ]
        let total = weighted.reduce(0) { $0 + $1.1 }
        let filled = weighted.reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
        return Int((Double(filled) * 100 / Double(total)).rounded())
    }
}
