import MaillageCore
import Testing

@Suite("2022 vocabulary → standard v1.0.2")
struct LegacyVocabularyTests {
    /// Every 2022 value found in the national files, with what it must become.
    static let cases: [(LegacyVocabulary.Field, String, [StandardValue])] = [
        (.services, "Prendre en main un smartphone ou une tablette", [.service(.maitriseOutilsNumeriques)]),
        (.services, "Approfondir ma culture numérique", [.service(.comprehensionMondeNumerique)]),
        (.services, "Réaliser des démarches administratives avec un accompagnement", [.service(.aideDemarchesAdministratives)]),
        (.services, "Accompagner les démarches de santé", [.service(.aideDemarchesAdministratives)]),
        (.services, "Accéder à une connexion internet", [.service(.accesInternetMateriel)]),
        (.services, "S'équiper en matériel informatique", [.service(.acquisitionMaterielSolidaire)]),
        (.services, "Créer avec le numérique", [.service(.loisirsCreations)]),
        (.services, "Favoriser mon insertion professionnelle", [.service(.insertionProfessionnelle)]),
        (.labelsNationaux, "CNFS", [.programme(.conseillersNumeriques)]),
        (.labelsNationaux, "France Services", [.programme(.franceServices)]),
        (.conditionsAcces, "Gratuit : Je peux accéder gratuitement au lieu et à ses services", [.fee(.gratuit)]),
        (
            .conditionsAcces,
            "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...)",
            [.fee(.gratuitSousCondition)]
        ),
        (.conditionsAcces, "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer", [.fee(.payant)]),
        (.publicsAccueillis, "Seniors (+ 65 ans)", [.targetPublic(.seniors)]),
        (.publicsAccueillis, "Public langues étrangères", [.specificSupport(.languesEtrangeresAutres)]),
        (.publicsAccueillis, "Handicaps mentaux : déficiences limitant les activités d'une personne", [.specificSupport(.handicapsMentaux)]),
        (.modalitesAccompagnement, "Dans un atelier : j'apprends collectivement à utiliser le numérique", [.supportMode(.atelierCollectif)]),
        (.modalitesAccompagnement, "Seul : j'ai accès à du matériel et une connexion", [.supportMode(.enAutonomie)])
    ]

    @Test(arguments: cases.indices)
    func mapsEveryKnownValue(index: Int) {
        let (field, value, expected) = Self.cases[index]
        #expect(LegacyVocabulary.targets(of: value, in: field) == expected)
    }

    @Test func unknownAndNoEquivalentValuesAreKeptOnThePlace() {
        // setup
        var place = Place(
            id: "x", pivot: "", nom: "Lieu", commune: "Denain", codePostal: "59220", codeInsee: nil, adresse: "1 rue",
            dateMaj: CalendarDay("2023-01-01")!)
        // act
        let unmapped = LegacyVocabulary.apply(["Adultes", "Seniors (+ 65 ans)", "Chats et chiens"], field: .publicsAccueillis, to: &place)
        // check
        #expect(place.publicsSpecifiquementAdresses == [.seniors])
        #expect(unmapped.map(\.value) == ["Adultes", "Chats et chiens"])
        #expect(place.unmappedValues.count == 2)
    }
}
