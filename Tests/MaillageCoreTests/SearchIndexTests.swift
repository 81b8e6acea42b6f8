import MaillageCore
import Testing

@Suite("Place index on a constructed case")
struct SearchIndexTests {
    /// Two communes 10 km apart in two EPCIs; a place in each.
    static func index() -> PlaceIndex {
        let a = Commune(
            code: CommuneCode("59001")!, name: "Alpha", postalCode: "59000", population: 1_000,
            centroid: Coordinate(latitude: 50.0, longitude: 3.0), epci: Siren("200000001")!)
        let b = Commune(
            code: CommuneCode("59002")!, name: "Beta", postalCode: "59001", population: 1_000,
            centroid: Coordinate(latitude: 50.09, longitude: 3.0), epci: Siren("200000002")!)
        let territory = TerritoryData(
            communes: [a, b],
            epcis: [
                EPCI(siren: Siren("200000001")!, name: "CC Alpha", kind: "CC", population: 1_000, members: [a.code]),
                EPCI(siren: Siren("200000002")!, name: "CC Beta", kind: "CC", population: 1_000, members: [b.code])
            ])
        func place(_ id: String, _ commune: Commune, _ services: [Service], hours: String?) -> MergedPlace {
            var p = Place(
                id: id, pivot: "", nom: id, commune: commune.name, codePostal: commune.postalCode, codeInsee: commune.code,
                adresse: "1 rue", dateMaj: CalendarDay("2023-01-01")!)
            p.coordinate = commune.centroid
            p.precision = .adresse
            p.services = services
            p.horaires = hours
            p.fraisACharge = [.gratuit]
            return MergedPlace(
                place: p, provenances: [Provenance(source: .standard, sourceID: id, dateMaj: p.dateMaj)], fieldSources: [:], decisions: [])
        }
        return PlaceIndex(
            places: [
                place("alpha-mairie", a, [.maitriseOutilsNumeriques], hours: "Mo-Fr 09:00-12:00"),
                place("beta-fs", b, [.aideDemarchesAdministratives, .maitriseOutilsNumeriques], hours: "Mo-Sa 09:00-12:00")
            ], territory: territory)
    }

    @Test func aNeedMetOnlyNextDoorIsFoundThereWithItsDistance() throws {
        let result = Self.index().search(
            SearchQuery(
                origin: .commune(CommuneCode("59001")!), radiusMetres: 5_000,
                services: [.aideDemarchesAdministratives]))
        #expect(result.matches.isEmpty && result.noLocalMatch)
        let neighbour = try #require(result.neighbourMatches.first)
        #expect(neighbour.entry.place.id == "beta-fs")
        #expect(neighbour.isOutsideTerritory)
        // 0.09° of latitude = 10.0 km by the haversine formula
        #expect(abs(try #require(neighbour.distanceMetres) - 10_008) < 5)
        #expect(neighbour.summary == "propose « Aide aux démarches administratives » · 10 km")
    }

    @Test func aPlaceForItsOwnResidentsOnlyComesAfterTheOthersForSomeoneFromElsewhere() throws {
        // Setup: Beta's place says in its presentation that it receives only Beta's residents.
        let base = Self.index()
        var places = base.entries.map(\.merged)
        let beta = try #require(places.firstIndex { $0.place.id == "beta-fs" })
        places[beta].place.presentationResume = "Accueil réservé aux habitants de la commune, sur rendez-vous."
        let index = PlaceIndex(places: places, territory: base.territory)
        // Act: the same need, asked from Alpha and from Beta.
        let fromAlpha = index.search(
            SearchQuery(origin: .commune(CommuneCode("59001")!), radiusMetres: 20_000, services: [.maitriseOutilsNumeriques]))
        let fromBeta = index.search(SearchQuery(origin: .commune(CommuneCode("59002")!), radiusMetres: 20_000, services: [.maitriseOutilsNumeriques]))
        // Check: for a resident of Alpha it is a partial answer that says why; for a resident of Beta a full one.
        #expect(fromAlpha.matches.map(\.entry.place.id) == ["alpha-mairie"])
        #expect(fromAlpha.partialMatches.map(\.entry.place.id) == ["beta-fs"])
        #expect(fromAlpha.partialMatches.first?.gaps == ["réservé aux habitants de Beta (selon sa fiche)"])
        #expect(fromBeta.matches.map(\.entry.place.id) == ["beta-fs", "alpha-mairie"])
        #expect(fromBeta.matches.allSatisfy { !$0.reasons.contains("") })
        // A place that says nothing of the kind is never read as reserved.
        #expect(!base.entries.contains { $0.place.servesOnlyResidents })
    }

    @Test func aPlaceForYoungPeopleIsNotAFullAnswerForASenior() throws {
        let base = Self.index()
        var places = base.entries.map(\.merged)
        let alpha = try #require(places.firstIndex { $0.place.id == "alpha-mairie" })
        places[alpha].place.publicsSpecifiquementAdresses = [.jeunes]
        let index = PlaceIndex(places: places, territory: base.territory)
        let senior = index.search(
            SearchQuery(
                origin: .commune(CommuneCode("59001")!), radiusMetres: 20_000,
                services: [.maitriseOutilsNumeriques], publics: [.seniors]))
        let young = index.search(
            SearchQuery(
                origin: .commune(CommuneCode("59001")!), radiusMetres: 20_000,
                services: [.maitriseOutilsNumeriques], publics: [.jeunes]))
        #expect(senior.matches.map(\.entry.place.id) == ["beta-fs"])
        #expect(senior.partialMatches.first?.gaps == ["ne s'adresse pas aux seniors"])
        #expect(young.matches.map(\.entry.place.id) == ["alpha-mairie", "beta-fs"])
        #expect(young.matches.first?.reasons.contains("s'adresse aux jeunes") == true)
    }

    @Test func openAtAndSaturdayCriteriaReadTheHours() {
        let index = Self.index()
        let saturday = index.search(SearchQuery(origin: .commune(CommuneCode("59001")!), radiusMetres: 20_000, openOnSaturday: true))
        #expect(saturday.matches.map(\.entry.place.id) == ["beta-fs"])
        let mondayAfternoon = index.search(
            SearchQuery(
                origin: .commune(CommuneCode("59001")!), radiusMetres: 20_000,
                services: [.maitriseOutilsNumeriques], openAt: WeeklyMoment(day: .monday, minute: 15 * 60)))
        #expect(mondayAfternoon.matches.isEmpty)
        #expect(mondayAfternoon.partialMatches.first?.gaps == ["fermé lundi à 15 h"])
    }

    @Test func chordsOnTheUnitSphereGiveTheHaversineDistance() {
        // Raismes → Avesnes-le-Sec, Denain → Paris, and two points 10 m apart
        let pairs = [
            (Coordinate(latitude: 50.3899, longitude: 3.4866), Coordinate(latitude: 50.24601, longitude: 3.37252)),
            (Coordinate(latitude: 50.3289, longitude: 3.3956), Coordinate(latitude: 48.8566, longitude: 2.3522)),
            (Coordinate(latitude: 50.0, longitude: 3.0), Coordinate(latitude: 50.00009, longitude: 3.0))
        ]
        for (a, b) in pairs {
            let difference = a.unitVector - b.unitVector
            let chord = Coordinate.metres(forSquaredChord: (difference * difference).sum())
            #expect(abs(chord - a.distance(to: b)) < 1e-6 * max(1, a.distance(to: b)))
        }
        #expect(abs(Coordinate.metres(forSquaredChord: Coordinate.squaredChord(forMetres: 60_000)) - 60_000) < 1e-6)
    }

    @Test func distancesReadInFrench() {
        #expect(Distance.french(850) == "850 m")
        #expect(Distance.french(2_345) == "2,3 km")
        #expect(Distance.french(14_400) == "14 km")
    }

    @Test func lambert93MatchesTheOfficialOrigin() {
        // The projection's origin (46°30'N, 3°E) is at (700 000, 6 600 000).
        let origin = Lambert93.project(Coordinate(latitude: 46.5, longitude: 3))
        #expect(abs(origin.x - 700_000) < 0.01 && abs(origin.y - 6_600_000) < 0.01)
        // The Eiffel Tower (48.85826 N, 2.29450 E) is at about (648 237, 6 862 270) in Lambert-93.
        let eiffel = Lambert93.project(Coordinate(latitude: 48.85826, longitude: 2.2945))
        #expect(abs(eiffel.x - 648_237) < 20 && abs(eiffel.y - 6_862_270) < 20)
    }
}
