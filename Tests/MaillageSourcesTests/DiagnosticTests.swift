import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

@Suite("The territorial diagnostic of CAPH")
struct DiagnosticTests {
    static let index = TestData.packIndex
    static let caph = Diagnostic.compute(perimeter: .epci(index.territory.epcis[.caph]!), index: index)

    func cell(_ code: String, _ need: Need) -> Diagnostic.Cell? {
        Self.caph.rows.first { $0.commune.code.rawValue == code }?.cells.first { $0.need == need }
    }

    @Test func theThreeFranceServicesOfCAPHAreInAbsconWallersAndMortagne() {
        let communes = Self.caph.rows.filter { row in
            Self.index.entries(in: row.commune.code).contains {
                $0.place.dispositifProgrammesNationaux.contains(.franceServices) && $0.place.typologie.contains(.rfs)
            }
        }.map(\.commune.name)
        #expect(Set(communes) == ["Abscon", "Wallers", "Mortagne-du-Nord"])
        #expect(Self.caph.rows.count == 47)
        #expect(Self.caph.population == 158_568)
    }

    @Test func aPlaceCountsAsHelpOnlyForWhatItDeclares() throws {
        // Setup: CAPH has 52 places, 36 of them libraries of the national file that declare no digital service.
        #expect(Self.caph.placeCount == 16)
        #expect(Self.caph.recordedOnlyCount == 36)
        // Act: the library of Raismes opens on Saturday mornings and without appointment, still declaring no service.
        let library = "bibliotheques-2547"
        let places = Self.index.entries.map { entry in
            var merged = entry.merged
            if merged.id == library {
                merged.place.horaires = "Sa 09:00-12:00"
                merged.place.modalitesAcces = [.sePresenter]
            }
            return merged
        }
        let index = PlaceIndex(places: places, territory: Self.index.territory)
        #expect(index.entry(id: library)?.traits.opensOnSaturday == true)
        let changed = Diagnostic.compute(perimeter: .epci(index.territory.epcis[.caph]!), index: index)
        // Check: Raismes's Saturday and walk-in cells do not count it; nothing of the diagnostic moves.
        let raismes = try #require(changed.rows.first { $0.commune.code.rawValue == "59491" })
        let before = try #require(Self.caph.rows.first { $0.commune.code.rawValue == "59491" })
        #expect(raismes.cells == before.cells)
        #expect(raismes.places == before.places && raismes.recordedOnly == 1)
    }

    @Test func aLensNoPlaceOfTheCommuneFillsInIsUnknownNotMissing() throws {
        // Setup: Denain's two places with an offer give no hours and no access modes; of CAPH's 17, four give access
        // modes and none gives specific supports (of 16, once Wallers's France services is one place).
        for need in [Need.openOnSaturday, .walkIn, .specificSupport(.languesEtrangeresAutres)] {
            let cell = try #require(self.cell("59172", need))
            #expect(cell.placesDeclaring == 0)
            #expect(cell.coverage == .undeclared, "\(need.label)")
        }
        // A service is the offer itself: never « non renseigné ».
        #expect(
            Self.caph.rows.allSatisfy { row in
                row.cells.allSatisfy { cell in
                    if case .service = cell.need { cell.coverage != .undeclared } else { true }
                }
            })
        let walkIn = try #require(Self.caph.lensDeclarations.first { $0.need == .walkIn })
        #expect((walkIn.offering, walkIn.declaring) == (16, 3))
        #expect(walkIn.statement.hasSuffix("(3 lieux sur 16 renseignent les modalités d'accès (avec ou sans rendez-vous))"))
        let languages = try #require(Self.caph.lensDeclarations.first { $0.need == .specificSupport(.languesEtrangeresAutres) })
        #expect(languages.declaring == 0)
        #expect(
            languages.statement.hasPrefix(
                "aucun lieu ne le déclare : aucun des 16 lieux avec une offre ne renseigne les prises en charge spécifiques"))
        // The gaps ranked as missing places are services only.
        #expect(Self.caph.gaps.allSatisfy { if case .service = $0.need { true } else { false } })
    }

    @Test func aCommuneWithoutPlaceGetsItsNearestAnswerAtTheHandComputedDistance() throws {
        // Avesnes-le-Sec (50.24601 N, 3.37252 E) has no place; the nearest help with procedures is the CCAS of Haspres,
        // located at its commune's point (50.26422 N, 3.41204 E): the France services of Iwuy, once its Aidants Connect
        // record (at Iwuy's point) is merged with its France services record, stands at its address, 4.06 km away.
        // Haversine by hand, R = 6 371 008.8 m: Δφ = 0.01821°, Δλ = 0.03952°,
        // a = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) = 7.3875e-8 → d = 2R·asin(√a) = 3 463.3 m.
        let cell = try #require(self.cell("59038", Need.service(.aideDemarchesAdministratives)))
        #expect(cell.placesInCommune == 0)
        let answer = try #require(cell.nearest)
        #expect(answer.commune?.rawValue == "59285")
        #expect(abs(answer.distanceMetres - 3_463.3) < 1)
        #expect(answer.insidePerimeter)
        // 3.46 km × 1.3 at 4.5 km/h ≈ 60.0 minutes on foot
        #expect(abs(answer.times.walking - 3.4633 * 1.3 / 4.5 * 60) < 0.1)
    }

    @Test func aNeedWithNoSupplyInCAPHIsInTheNeighbourRegister() {
        let need = Need.service(.insertionProfessionnelle)
        let outside = Self.caph.dependencies.filter { $0.need == need }
        #expect(outside.count == 47)
        #expect(outside.allSatisfy { !$0.answer.insidePerimeter })
        #expect(Self.caph.summaries.first { $0.need == need }?.population[.neighbourOnly] == 158_568)
        #expect(!Self.caph.outflows.isEmpty)
    }

    @Test func everyCellHasExactlyOneCoverageAndPopulationsAddUp() {
        for summary in Self.caph.summaries {
            #expect(summary.population.values.reduce(0, +) == 158_568)
            #expect(summary.communes.values.reduce(0, +) == 47)
        }
        #expect(Self.caph.rows.allSatisfy { $0.cells.count == Need.all.count })
    }

    @Test func gapsAreRankedByPeopleFragilityAndDistanceWithTheirReason() throws {
        let gaps = Self.caph.gaps
        #expect(gaps.map(\.score) == gaps.map(\.score).sorted(by: >))
        let first = try #require(gaps.first)
        #expect(first.reason.contains("habitants"))
        #expect(gaps.allSatisfy { if case .service = $0.need { true } else { false } })
    }

    @Test func qpvsTouchingCAPHAreSeenWithTheirPopulation() {
        #expect(Self.caph.qpvs.count == 13)
        #expect(Self.caph.qpvs.first { $0.qpv.code == "QP059050" }?.qpv.population == 13_195)
    }

    @Test func theSameInputsGiveTheSameDiagnostic() {
        let again = Diagnostic.compute(perimeter: .epci(Self.index.territory.epcis[.caph]!), index: Self.index)
        #expect(again.rows.flatMap(\.cells) == Self.caph.rows.flatMap(\.cells))
        #expect(again.gaps.map(\.reason) == Self.caph.gaps.map(\.reason))
    }

    @Test func aComputationStopsWhenItsBudgetRunsOutAndGivesTheSameResultWithin() throws {
        // setup: the perimeter of CAPH, a spent budget and a generous one
        let perimeter = Perimeter.epci(Self.index.territory.epcis[.caph]!)
        let personas = Persona.defaultLibrary
        // act / check: nothing comes out of a spent budget; within one, the same diagnostic and matrix as without
        #expect(throws: WorkStopped(reason: .deadline(seconds: 0))) {
            try Diagnostic.compute(perimeter: perimeter, index: Self.index, within: WorkBudget(seconds: 0))
        }
        #expect(throws: WorkStopped.self) {
            try WorkshopMatrix.compute(personas: personas, communes: WorkshopMatrix.focusCommunes, index: Self.index, within: WorkBudget(seconds: 0))
        }
        let bounded = try Diagnostic.compute(perimeter: perimeter, index: Self.index, within: WorkBudget(seconds: 60))
        #expect(bounded.rows.flatMap(\.cells) == Self.caph.rows.flatMap(\.cells))
        let matrix = try WorkshopMatrix.compute(
            personas: personas, communes: WorkshopMatrix.focusCommunes, index: Self.index, within: WorkBudget(seconds: 60))
        #expect(matrix.columns.count == 3 && matrix.columns.allSatisfy { $0.cells.count == personas.count })
    }

    @Test func theThreeFocusCommunesFormAPerimeterToo() {
        let focus = Perimeter(name: "Communes du cycle", communes: ["59526", "59172", "59491"].compactMap(CommuneCode.init))
        let diagnostic = Diagnostic.compute(perimeter: focus, index: Self.index)
        #expect(diagnostic.rows.map(\.commune.name) == ["Denain", "Raismes", "Saint-Amand-les-Eaux"])
        #expect(diagnostic.neighbourEPCIs.contains { $0.siren == .caph })
    }
}
