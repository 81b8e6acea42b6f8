import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// « À portée » has one definition (``Reach``, ``CoverageRule``) with named meanings; each is seen here on the real
/// places of CAPH, and the diagnostic and the placement proposal are shown to read the same one.
@Suite("« À portée », one definition, on the places of CAPH")
struct CoverageRuleTests {
    static let index = TestData.packIndex
    static let perimeter = Perimeter.epci(index.territory.epcis[.caph]!)
    static let caph = Diagnostic.compute(perimeter: perimeter, index: index)

    func cell(_ code: String, _ service: Service, in diagnostic: Diagnostic = Self.caph) throws -> Diagnostic.Cell {
        try #require(diagnostic.rows.first { $0.commune.code.rawValue == code }?.cells.first { $0.need == .service(service) })
    }

    @Test func eachMeaningOfReachOnRealCAPHData() throws {
        // Setup: Jeanne, of the default personas, lives in Saint-Amand-les-Eaux and walks, 20 minutes at most
        let jeanne = try #require(Persona.defaultLibrary.first { $0.id == "jeanne" })
        let onFoot = Reach.of(jeanne)
        // Act: the nearest internet access of La Sentinelle, the nearest help with digital tools of Denain and Raismes,
        // the nearest help with procedures of Saint-Amand-les-Eaux
        let sentinelle = try cell("59564", .accesInternetMateriel)
        let denain = try cell("59172", .maitriseOutilsNumeriques)
        let raismes = try cell("59491", .maitriseOutilsNumeriques)
        let saintAmand = try cell("59526", .aideDemarchesAdministratives)
        // Check: La Sentinelle's is France services in Valenciennes, 900 m away, in a neighbouring territory: 15 min on
        // foot, 18 by bus. « Seulement dans un territoire voisin » for the diagnostic, yet within reach by bus for the
        // placement proposal and within reach on foot for Jeanne.
        let valenciennes = try #require(sentinelle.nearest)
        #expect(valenciennes.communeName == "Valenciennes" && !valenciennes.insidePerimeter)
        #expect(sentinelle.coverage == .neighbourOnly && sentinelle.coverage.label == "seulement dans un territoire voisin")
        #expect(!Reach.inPerimeterByBus.covers(sentinelle))
        #expect(Reach.byBus.covers(sentinelle))
        #expect(onFoot.name == "à portée à pied" && onFoot.reaches(valenciennes.times))
        // Denain's is in Escaudain, in the perimeter, 28 min by bus and 59 on foot: within reach by bus, not on foot.
        let escaudain = try #require(denain.nearest)
        #expect(escaudain.communeName == "Escaudain" && escaudain.insidePerimeter)
        #expect(denain.coverage == .withinReach && Reach.inPerimeterByBus.covers(denain) && Reach.byBus.covers(denain))
        #expect(!onFoot.reaches(escaudain.times))
        // Raismes's is in Anzin, a neighbouring territory, 32 min by bus: beyond both daily meanings, within the
        // occasional trip a partnership suggestion allows.
        let anzin = try #require(raismes.nearest)
        #expect(anzin.communeName == "Anzin" && raismes.coverage == .neighbourOnly)
        #expect(!Reach.byBus.covers(raismes) && Reach.occasionalTripByBus.reaches(anzin.times))
        // Saint-Amand-les-Eaux's is the CCAS of Raismes, in the perimeter but 31 min by bus: « hors de portée ».
        let ccas = try #require(saintAmand.nearest)
        #expect(saintAmand.coverage == .outOfReach && ccas.communeName == "Raismes" && ccas.insidePerimeter)
        #expect(!Reach.inPerimeterByBus.covers(saintAmand) && Reach.occasionalTripByBus.reaches(ccas.times))
        // Each meaning names itself with its threshold, as the pages show it.
        #expect(Reach.inPerimeterByBus.label == "à portée en bus dans le périmètre (30 min au plus)")
        #expect(Reach.byBus.within(20).label == "à portée en bus, y compris dans un territoire voisin (20 min au plus)")
        #expect(Reach.occasionalTripByBus.label == "à portée en bus pour un déplacement ponctuel (45 min au plus)")
        #expect(onFoot.label == "à portée à pied (20 min au plus)")
    }

    @Test func theRuleVersionGoesWithItsMeaningsAndThresholds() {
        // Version 1 is these meanings and thresholds: changing one without raising the version (and this test) would
        // let snapshots of two rules be compared as a change of the territory.
        let meanings = [Reach.inPerimeterByBus, .byBus, .occasionalTripByBus]
        #expect(CoverageRule.version == 1)
        #expect(meanings.map(\.minutes) == [30, 30, 45] && meanings.map(\.mode) == [.bus, .bus, .bus])
        #expect(meanings.map(\.extent) == [.perimeter, .anywhere, .anywhere])
        #expect(DiagnosticParameters().reach == Reach.inPerimeterByBus)
    }

    @Test(arguments: [20.0, 30.0, 45.0])
    func theDiagnosticAndThePlacementProposalReadOneDefinition(minutes: Double) throws {
        // Setup: the diagnostic of CAPH with this threshold
        var parameters = DiagnosticParameters()
        parameters.reachMinutes = minutes
        let diagnostic = Diagnostic.compute(perimeter: Self.perimeter, index: Self.index, parameters: parameters)
        let fragility = Self.index.territory.fragility
        var onlyForThePlacement: Set<CommuneCode> = []
        for service in Service.allCases {
            let need = Need.service(service)
            let cells = diagnostic.rows.compactMap { row in row.cells.first { $0.need == need } }
            // Act: the communes the placement proposal counts as already served, with the same minutes
            let proposal = diagnostic.placementProposal(for: need, k: 0, maxMinutes: minutes, fragility: fragility)
            let placement = diagnostic.communes(coveredFor: need, by: proposal.reach)
            // Check: the diagnostic's classes are its reach's; the placement serves every commune the diagnostic says
            // is within reach, plus exactly those whose nearest answer is in a neighbouring territory within the minutes
            #expect(cells.allSatisfy { diagnostic.parameters.reach.covers($0) == $0.coverage.isWithinReach })
            let daily = Set(cells.filter(\.coverage.isWithinReach).map(\.commune))
            let neighbours = Set(cells.filter { $0.coverage == .neighbourOnly && $0.nearest!.times.bus <= minutes }.map(\.commune))
            #expect(placement == daily.union(neighbours), "\(service.rawValue)")
            let weight = diagnostic.rows.filter { placement.contains($0.commune.code) }
                .reduce(0.0) { $0 + Double($1.commune.population) * (fragility[$1.commune.code]?.globalScore ?? 100) / 100 }
            #expect(abs(proposal.initiallyCovered - weight) <= weight * 1e-9)
            onlyForThePlacement.formUnion(neighbours)
        }
        // The two meanings differ: La Sentinelle, 18 min by bus from Valenciennes, counts for the placement only.
        #expect(onlyForThePlacement.contains(CommuneCode("59564")!))
    }
}
