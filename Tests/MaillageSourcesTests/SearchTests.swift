import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("Search and orientation on the CAPH pack")
struct SearchTests {
    let index = TestData.packIndex
    let raismes = CommuneCode("59491")!
    let denain = CommuneCode("59172")!

    @Test func theSeventyYearOldOfRaismesGetsAFreeInPersonPlaceForAdministrativeHelp() throws {
        // setup: no computer, does not drive (bus: 10 km), free only, a senior
        let query = SearchQuery(
            origin: .commune(raismes), radiusMetres: 10_000, services: [.aideDemarchesAdministratives],
            publics: [.seniors], fees: [.gratuit], inPerson: true)
        // act
        let result = index.search(query)
        // check
        let first = try #require(result.matches.first)
        #expect(first.isFullMatch)
        #expect(first.entry.place.services.contains(.aideDemarchesAdministratives))
        #expect(first.entry.place.fraisACharge.contains(.gratuit))
        #expect(first.entry.place.modalitesAccompagnement != [.aDistance])
        #expect(first.reasons.contains("propose « Aide aux démarches administratives »"))
        #expect(first.reasons.contains("gratuit") && first.reasons.contains("accueil sur place"))
        #expect(first.summary.contains(" km · "))
        #expect(result.matches.map { $0.distanceMetres! } == result.matches.map { $0.distanceMetres! }.sorted())
        #expect(result.noLocalMatch == false)
    }

    @Test func aSaturdaySearchInDenainOnlyReturnsPlacesOpenOnSaturday() throws {
        // Two criteria, so that a place offering the service but closed on Saturday is a partial match (a place that
        // meets no criterion at all is no match).
        let result = index.search(
            SearchQuery(
                origin: .commune(denain), radiusMetres: 30_000, services: [.aideDemarchesAdministratives],
                openOnSaturday: true, limit: 50))
        #expect(!result.matches.isEmpty)
        for match in result.matches + result.neighbourMatches {
            let schedule = try #require(match.entry.schedule)
            #expect(schedule.isOpenOnSaturday, "\(match.entry.place.nom)")
            #expect(match.reasons.contains { $0.hasPrefix("ouvert samedi") })
        }
        // Those that offer the service are partial for Saturday alone, and say so.
        let closedOnSaturday = result.partialMatches.filter { $0.entry.place.services.contains(.aideDemarchesAdministratives) }
        #expect(!closedOnSaturday.isEmpty)
        #expect(
            closedOnSaturday.allSatisfy { $0.gaps == ["fermé le samedi"] || $0.gaps == ["horaires inconnus"] },
            "\(closedOnSaturday.map(\.gaps))")
    }

    @Test func aNeedWithNoLocalAnswerGivesTheNearestNeighbouringPlaces() throws {
        // No place of CAPH offers "Insertion professionnelle via le numérique" in the 2022–2023 data.
        let result = index.search(SearchQuery(origin: .commune(denain), services: [.insertionProfessionnelle]))
        #expect(result.noLocalMatch)
        #expect(result.originEPCI?.siren == .caph)
        let nearest = try #require(result.neighbourMatches.first)
        #expect(nearest.isOutsideTerritory && nearest.entry.epci != .caph)
        #expect(nearest.entry.place.services.contains(.insertionProfessionnelle))
        #expect(try #require(nearest.distanceMetres) > 0)
        #expect(result.neighbourMatches.map { $0.distanceMetres! } == result.neighbourMatches.map { $0.distanceMetres! }.sorted())
    }

    @Test func partialMatchesSayWhatDoesNotFit() {
        let result = index.search(SearchQuery(origin: .commune(raismes), services: [.aideDemarchesAdministratives], fees: [.gratuit], limit: 40))
        #expect(!result.partialMatches.isEmpty)
        #expect(result.partialMatches.allSatisfy { !$0.gaps.isEmpty && !$0.isFullMatch })
        #expect(result.partialMatches.contains { $0.gaps == ["frais non renseignés"] })
    }

    @Test func theRadiusIsRespectedAndPointsWork() {
        let point = index.territory.commune(denain)!.centroid
        let result = index.search(SearchQuery(origin: .point(point), radiusMetres: 3_000, limit: 100))
        #expect(result.originCommune?.code == denain)
        #expect(!result.matches.isEmpty)
        #expect(result.matches.allSatisfy { $0.distanceMetres! <= 3_000 })
        #expect(result.matches.count == result.totalMatches)
    }

    @Test func theNearestPlaceOfEachServiceIsFound() throws {
        let avesnes = index.territory.commune(CommuneCode("59038")!)!  // Avesnes-le-Sec has no place
        #expect(index.entries(in: avesnes.code).isEmpty)
        let found = try #require(index.nearest(offering: .aideDemarchesAdministratives, from: avesnes.centroid))
        let place = try #require(found.entry.place.coordinate)
        #expect(abs(found.distanceMetres - avesnes.centroid.distance(to: place)) < 0.001)
        let closer = index.entries.filter { $0.place.services.contains(.aideDemarchesAdministratives) }
            .compactMap { $0.place.coordinate.map(avesnes.centroid.distance) }.min()!
        #expect(abs(found.distanceMetres - closer) < 0.001)  // the nearest of all, to the millimetre
    }

    @Test func availabilityKeepsOnlyPlacesOpenWhenThePersonIsFree() {
        let slot = WeeklySlot(day: .saturday, part: .matin)
        let result = index.search(SearchQuery(origin: .commune(denain), radiusMetres: 30_000, availability: [slot], limit: 50))
        #expect(!result.matches.isEmpty)
        #expect(result.matches.allSatisfy { $0.entry.schedule?.overlap(with: slot) != nil })
    }
}
