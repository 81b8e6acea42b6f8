import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("Journeys of the default personas on the real places of CAPH")
struct JourneyRealDataTests {
    static let index = TestData.packIndex

    static func persona(_ id: String) throws -> Persona { try #require(Persona.defaultLibrary.first { $0.id == id }) }

    @Test func theDefaultLibraryCoversThePublicsOfTheWorkshop() {
        let library = Persona.defaultLibrary
        #expect(library.count >= 8)
        #expect(Set(library.map(\.id)).count == library.count)
        #expect(library.contains { $0.ageBand == .over75 })
        #expect(library.contains { $0.ageBand == .under26 })
        #expect(library.contains { $0.situation == .jobSeeker })
        #expect(library.contains { $0.situation == .parent })
        #expect(library.contains { $0.specificSupports.contains(.languesEtrangeresAutres) })
        #expect(library.contains { $0.specificSupports.contains(.handicapsMoteurs) || $0.specificSupports.contains(.deficienceVisuelle) })
        #expect(library.contains { $0.qpv != nil })
        #expect(library.contains { $0.equipment == .none && !$0.internetAtHome })
        #expect(library.allSatisfy { $0.validationErrors(in: Self.index.territory).isEmpty })
    }

    @Test func marcelWithoutEquipmentOnlyGetsPlacesThatHelpInPerson() throws {
        let journey = try #require(Journey.compute(for: try Self.persona("marcel"), index: Self.index))
        let visits = journey.steps.compactMap(\.visit) + journey.steps.flatMap(\.alternatives)
        #expect(!visits.isEmpty)
        #expect(visits.allSatisfy { $0.entry.traits.givesInPersonHelp })
        #expect(journey.steps.allSatisfy { $0.howToGetIn.map { !$0.contains("en ligne") && !$0.contains("courriel") } ?? true })
    }

    @Test func karimaFreeOnlyOnSaturdayOnlyGetsPlacesOpenOnSaturdayMorning() throws {
        let journey = try #require(Journey.compute(for: try Self.persona("karima"), index: Self.index))
        let visits = journey.steps.compactMap(\.visit) + journey.steps.flatMap(\.alternatives)
        #expect(!visits.isEmpty)
        let saturdayMorning = WeeklySlot(day: .saturday, part: .matin)
        #expect(visits.allSatisfy { $0.entry.schedule?.overlap(with: saturdayMorning) != nil })
        // Parentalité is offered nowhere within 60 km: the step breaks and says so.
        let school = journey.steps[0]
        #expect(school.flags.contains(.rupture) && school.flags.contains(.missingPlace))
        #expect(school.blocker == .service)
        #expect(school.explanation == "Aucun lieu ne propose « Parentalité et éducation avec le numérique » à moins de 60 km.")
    }

    @Test func aNeedWithoutAnswerInCAPHBreaksOrLeavesTheTerritoryWithItsReason() throws {
        // No place of CAPH offers "Insertion professionnelle via le numérique" (see the diagnostic's neighbour register).
        let journey = try #require(Journey.compute(for: try Self.persona("kevin"), index: Self.index))
        let step = try #require(journey.steps.first { $0.need.service == .insertionProfessionnelle })
        #expect(step.flags.contains(.rupture) || step.flags.contains(.outsideTerritory))
        if let visit = step.visit {
            #expect(visit.isOutsideTerritory)
        } else {
            // The two places offering it within 60 km (both outside CAPH) are not open on weekday afternoons.
            #expect(step.explanation.hasPrefix("2 lieux proposent « Insertion professionnelle via le numérique » à moins de 60 km"))
            #expect(
                step.explanation.hasSuffix(
                    "aucun n'est ouvert quand Kévin est disponible (lundi après-midi, mardi après-midi, mercredi après-midi, jeudi après-midi, vendredi après-midi)."
                ))
            #expect(step.blocker == .hours)
        }
    }

    @Test func aWhatIfChangesTheJourney() throws {
        // Amadou needs support in his language, which no place declares; with an interpreter his journey goes through.
        let amadou = try Self.persona("amadou")
        let before = try #require(Journey.compute(for: amadou, index: Self.index))
        let accompanied = try #require(WhatIf.companion.applied(to: amadou))
        let after = try #require(Journey.compute(for: accompanied, index: Self.index))
        #expect(before.steps[0].blocker == .specificSupport)
        #expect(after.steps[0].visit != nil)
        // No place declaring the support is a data gap, not a broken journey nor a missing place.
        #expect(before.steps[0].flags.contains(.undeclared))
        #expect(before.outcome == .undeclared)
        #expect(before.outcome.label == "réponse inconnue : une prise en charge qu'aucun lieu ne déclare")
    }

    @Test func theWorkshopMatrixCoversEveryPersonaInTheThreeFocusCommunes() {
        let matrix = WorkshopMatrix.compute(personas: Persona.defaultLibrary, communes: WorkshopMatrix.focusCommunes, index: Self.index)
        #expect(matrix.columns.map(\.commune.name) == ["Saint-Amand-les-Eaux", "Denain", "Raismes"])
        #expect(matrix.columns.allSatisfy { $0.cells.count == Persona.defaultLibrary.count })
        // Counts agree: every difficult need of a cell is counted once in its column's summary.
        for column in matrix.columns {
            let difficult = column.cells.reduce(0) { $0 + $1.difficultNeeds.count }
            #expect(column.hardestServices.reduce(0) { $0 + $1.broken + $1.outside + $1.undeclared } == difficult)
        }
        // Amadou's need of support in his language, which no place declares, is counted apart from the ruptures.
        for column in matrix.columns {
            #expect(column.cells.first { $0.persona.id == "amadou" }?.outcome == .undeclared)
            #expect(column.hardestServices.contains { $0.undeclared > 0 })
        }
    }
}
