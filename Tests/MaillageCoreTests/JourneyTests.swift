import MaillageCore
import Testing

@Suite("Journeys on a constructed case")
struct JourneyTests {
    static let alpha = Commune(
        code: CommuneCode("59001")!, name: "Alpha", postalCode: "59000", population: 1_000,
        centroid: Coordinate(latitude: 50.0, longitude: 3.0), epci: Siren("200000001")!)

    /// Places around Alpha's centre, `metresNorth` away, all free and open on weekday mornings unless told.
    static func index(_ places: [(id: String, metresNorth: Double, services: [Service], remoteOnly: Bool)]) -> PlaceIndex {
        let territory = TerritoryData(
            communes: [alpha],
            epcis: [
                EPCI(
                    siren: Siren("200000001")!, name: "CC Alpha", kind: "CC", population: 1_000,
                    members: [alpha.code])
            ])
        return PlaceIndex(
            places: places.map { spec in
                var p = Place(
                    id: spec.id, pivot: "", nom: spec.id, commune: "Alpha", codePostal: "59000", codeInsee: alpha.code, adresse: "1 rue",
                    dateMaj: CalendarDay("2023-01-01")!)
                p.coordinate = Coordinate(latitude: 50.0 + spec.metresNorth / 111_195, longitude: 3.0)
                p.precision = .adresse
                p.services = spec.services
                p.horaires = "Mo-Fr 09:00-12:00"
                p.fraisACharge = [.gratuit]
                p.modalitesAcces = spec.remoteOnly ? [.telephoner] : [.sePresenter]
                p.modalitesAccompagnement = spec.remoteOnly ? [.aDistance] : [.accompagnementIndividuel]
                return MergedPlace(
                    place: p, provenances: [Provenance(source: .standard, sourceID: spec.id, dateMaj: p.dateMaj)], fieldSources: [:], decisions: [])
            }, territory: territory)
    }

    static func persona(equipment: Persona.Equipment, needs: [Service]) -> Persona {
        Persona(
            id: "test", firstName: "Test", description: "", ageBand: .from26to59, commune: alpha.code, situation: .jobSeeker,
            equipment: equipment, internetAtHome: equipment != .none, autonomy: equipment == .none ? .none : .autonomous,
            mobility: .car, maxMinutes: 30, availability: Persona.weekdays(.matin), freeOnly: true,
            needs: needs.map { PersonaNeed(task: $0.rawValue, service: $0) })
    }

    @Test func aPersonaWithoutEquipmentNeverGetsARemoteOnlyPlace() throws {
        // Setup: a remote-only place at 200 m, an in-person one at 2 km.
        let index = Self.index([("distance", 200, [.aideDemarchesAdministratives], true), ("guichet", 2_000, [.aideDemarchesAdministratives], false)])

        // Act
        let without = try #require(Journey.compute(for: Self.persona(equipment: .none, needs: [.aideDemarchesAdministratives]), index: index))
        let with = try #require(Journey.compute(for: Self.persona(equipment: .computer, needs: [.aideDemarchesAdministratives]), index: index))

        // Check: the nearer remote place only for the equipped persona.
        #expect(without.steps[0].visit?.entry.place.id == "guichet")
        #expect(without.steps[0].reasons.contains("accueil sur place"))
        #expect(with.steps[0].visit?.entry.place.id == "distance")
    }

    @Test func onePlaceAnsweringTwoNeedsIsPreferredOverTwoNearerPlaces() throws {
        // Setup: each need has a nearer single-service place; one place further away answers both.
        let index = Self.index([
            ("papiers", 300, [.aideDemarchesAdministratives], false), ("outils", 400, [.maitriseOutilsNumeriques], false),
            ("les-deux", 3_000, [.aideDemarchesAdministratives, .maitriseOutilsNumeriques], false)
        ])

        let journey = try #require(
            Journey.compute(
                for: Self.persona(equipment: .none, needs: [.aideDemarchesAdministratives, .maitriseOutilsNumeriques]),
                index: index))

        #expect(journey.steps.map { $0.visit?.entry.place.id } == ["les-deux", "les-deux"])
        #expect(journey.trips == 1)
        #expect(journey.steps[0].sharedWith == [1])
        #expect(journey.steps[1].referral == nil)
        #expect(journey.outcome == .local)
    }

    @Test func aNeedWithoutAnswerIsARuptureThatNamesTheExcludingConstraint() throws {
        // Setup: the only place is open on weekday mornings; the persona is free on Saturday only.
        let index = Self.index([("guichet", 1_000, [.aideDemarchesAdministratives], false)])
        var persona = Self.persona(equipment: .none, needs: [.aideDemarchesAdministratives])
        persona.availability = [WeeklySlot(day: .saturday, part: .matin)]

        let journey = try #require(Journey.compute(for: persona, index: index))

        let step = journey.steps[0]
        #expect(step.visit == nil)
        #expect(step.flags == [.rupture])
        #expect(
            step.explanation
                == "1 lieu propose « Aide aux démarches administratives » à moins de 60 km ; 1 lieu n'est pas payant ; 1 lieu accueille sur place ; aucun n'est ouvert quand Test est disponible (samedi matin)."
        )
        #expect(journey.outcome == .broken)
        // What if she were free on weekday mornings too? Not one of the what-ifs; but a car lift changes nothing here
        #expect(WhatIf.lift.applied(to: persona) == nil)
    }

    @Test func whatIfChangesOneConstraint() throws {
        let persona = Self.persona(equipment: .none, needs: [.aideDemarchesAdministratives])
        #expect(WhatIf.equipped.applied(to: persona)?.needsInPersonHelp == false)
        #expect(WhatIf.longerTrip.applied(to: persona)?.maxMinutes == 45)
        #expect(WhatIf.saturday.applied(to: persona)?.availability.count == 7)
        #expect(WhatIf.companion.applied(to: persona) == nil)  // no specific support to drop
    }
}
