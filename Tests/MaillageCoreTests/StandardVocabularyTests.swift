import MaillageCore
import Testing

@Suite("The national standard's vocabularies")
struct StandardVocabularyTests {
    @Test func everyEnumerationHasTheSizeOfTheStandard() {
        #expect(Service.allCases.count == 9)
        #expect(TargetPublic.allCases.count == 5)
        #expect(SpecificSupport.allCases.count == 7)
        #expect(Fee.allCases.count == 3)
        #expect(NationalProgramme.allCases.count == 11)
        #expect(TrainingLabel.allCases.count == 10)
        #expect(AccessMode.allCases.count == 6)
        #expect(SupportMode.allCases.count == 4)
        #expect(Itinerancy.allCases.count == 2)
        #expect(StandardColumn.allCases.count == 32)
    }

    @Test func rawValuesAreTheExactFrenchStrings() {
        #expect(Service.aideDemarchesAdministratives.rawValue == "Aide aux démarches administratives")
        #expect(SpecificSupport.languesEtrangeresAnglais.rawValue == "Langues étrangères (anglais)")
        #expect(AccessMode.pasDeAccueilPublic.rawValue == "Ce lieu n'accueille pas de public")
        #expect(TrainingLabel.monEspaceSante.rawValue == "Formé à « Mon Espace Santé »")
    }

    @Test func bothSpellingsOfEtapesNumeriquesAreAccepted() {
        #expect(TrainingLabel(standardValue: "Étapes numériques (La Poste)") == .etapesNumeriques)
        #expect(TrainingLabel(standardValue: "Étapes numériques(La Poste)") == .etapesNumeriques)
        #expect(TrainingLabel(standardValue: "Etapes numeriques") == nil)
    }

    @Test func columnsFollowTheSchemaOrder() {
        let names = StandardColumn.allCases.map(\.rawValue)
        #expect(names.prefix(6) == ["id", "pivot", "nom", "commune", "code_postal", "code_insee"])
        #expect(names.last == "prise_rdv")
        #expect(
            StandardColumn.allCases.filter(\.isRequired).map(\.rawValue) == ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"])
    }

    @Test func pôleEmploiTypologyBecomesFranceTravail() {
        #expect(Typology(standardValue: "PE") == .ft)
        #expect(Typology(standardValue: "BIB") == .bib)
    }
}
