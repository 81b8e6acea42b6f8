import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// The network's orientation rules in the journeys, and the partnerships the journeys suggest, on CAPH's real places.
@Suite("Journeys and the network, on the real places of CAPH")
struct NetworkJourneyTests {
    static let index = TestData.packIndex
    static let structures = StructureDirectory(places: index.entries.map(\.merged), territory: index.territory)
    static let denain = CommuneCode("59172")!
    static let raismes = CommuneCode("59491")!

    static func persona(_ id: String, in commune: CommuneCode) throws -> Persona {
        try #require(Persona.defaultLibrary.first { $0.id == id }).living(in: commune, territory: index.territory)
    }

    /// The CCAS of a commune, as the directory recognised it from the places.
    static func ccas(of commune: CommuneCode) throws -> Structure {
        try #require(
            structures.structures(in: .caph).first {
                $0.communes.contains(commune) && ($0.name.folded.contains("ccas") || $0.name.folded.contains("centre communal"))
            })
    }

    static func rule(
        _ commune: CommuneCode, _ need: Service, _ structure: Structure, public: TargetPublic? = .seniors,
        constraint: OrientationRule.Constraint? = .sansEquipement, approach: OrientationRule.Approach = .fichePrescription
    ) -> OrientationRule {
        OrientationRule(
            id: 1, territory: .caph, commune: commune, need: need, targetPublic: `public`, constraint: constraint,
            steps: [.init(structureID: structure.id, approach: approach, contact: "Accueil du CCAS")], updatedAt: Date())
    }

    @Test func aRuleChoosesThePlaceOfItsStructureForThePersonaItSpeaksOfAndSaysSo() throws {
        // Setup: Marcel (over 75, no equipment) placed in Denain, where the ranking sends him to Wallers; the network's rule
        // for a senior without equipment who needs help with procedures sends him to the CCAS of Denain
        let marcel = try Self.persona("marcel", in: Self.denain)
        let ccas = try Self.ccas(of: Self.denain)
        let book = OrientationRuleBook(rules: [Self.rule(Self.denain, .aideDemarchesAdministratives, ccas)], structures: Self.structures)
        // Act
        let computed = try #require(Journey.compute(for: marcel, index: Self.index))
        let ruled = try #require(Journey.compute(for: marcel, index: Self.index, rules: book))
        // Check: the procedures step goes to the CCAS by the rule, its way in is the rule's; the other step still comes from the ranking
        #expect(!ccas.placeIDs.contains(computed.steps[0].visit?.entry.place.id ?? ""))
        #expect(computed.steps.allSatisfy { $0.rule == nil })
        let step = ruled.steps[0]
        #expect(ccas.placeIDs.contains(step.visit?.entry.place.id ?? ""))
        #expect(step.rule?.structureName == ccas.name && step.rule?.step.approach == .fichePrescription)
        #expect(step.reasons.first == "règle du réseau pour : Denain, Aide aux démarches administratives, seniors, sans équipement numérique")
        #expect(step.explanation.contains("selon la règle d'orientation du réseau"))
        #expect(step.howToGetIn == "fiche de prescription (Accueil du CCAS)")
        #expect(!step.flags.contains(.rupture))
        #expect(ruled.steps[1].rule == nil && ruled.steps[1].visit?.entry.place.id == computed.steps[1].visit?.entry.place.id)
        #expect(ruled.firstContact.map { ccas.placeIDs.contains($0.entry.place.id) } == true)
    }

    @Test func aRuleSpeaksOnlyOfTheSituationItNames() throws {
        // Setup: the same rule; Karima (26-59, a smartphone) in Denain, and a rule for people who speak little French
        let ccas = try Self.ccas(of: Self.denain)
        let seniors = OrientationRuleBook(rules: [Self.rule(Self.denain, .aideDemarchesAdministratives, ccas)], structures: Self.structures)
        let language = OrientationRuleBook(
            rules: [Self.rule(Self.denain, .aideDemarchesAdministratives, ccas, public: nil, constraint: .autreLangue)],
            structures: Self.structures)
        let karima = try Self.persona("karima", in: Self.denain)
        let marcel = try Self.persona("marcel", in: Self.denain)
        // Act
        let karimaJourney = try #require(Journey.compute(for: karima, index: Self.index, rules: seniors))
        let marcelJourney = try #require(Journey.compute(for: marcel, index: Self.index, rules: language))
        let amadou = try #require(Journey.compute(for: try Self.persona("amadou", in: Self.denain), index: Self.index, rules: language))
        // Check: neither Karima nor Marcel is in those situations; Amadou, who speaks another language, is
        #expect(karimaJourney.steps.allSatisfy { $0.rule == nil })
        #expect(marcelJourney.steps.allSatisfy { $0.rule == nil })
        #expect(amadou.steps[0].rule != nil && amadou.steps[0].need.service == .aideDemarchesAdministratives)
        #expect(OrientationRule.Situation(persona: amadou.persona).constraints.contains(.autreLangue))
    }

    @Test func aRuptureByTheTripSuggestsAPermanenceOfTheNearestFittingStructure() throws {
        // Setup: the default personas placed in Raismes, no link yet
        let journeys = Persona.defaultLibrary.compactMap {
            Journey.compute(for: $0.living(in: Self.raismes, territory: Self.index.territory), index: Self.index)
        }
        // Act
        let suggestions = PartnershipSuggestion.suggest(fromJourneys: journeys, structures: Self.structures, index: Self.index, links: [])
        // Check: Karima's and Lucas's journeys break because France services de Mortagne du Nord, the nearest place that
        // fits them, is too far; a permanence of it at the Maisons de Quartier de Raismes (the structure nearest to their
        // home, as neither has a first contact) would mend both — one suggestion with both pieces of evidence
        let mend = try #require(suggestions.first { $0.kind == .coAnimation })
        #expect(mend.from.name == "Association des Maisons de Quartier de Raismes")
        #expect(mend.to.name == "France services de Mortagne du Nord (La Poste)")
        #expect(
            mend.bases == [
                .rupture(persona: "Karima", task: "déclarer ses revenus en ligne"),
                .rupture(persona: "Lucas", task: "imprimer et numériser son dossier de bourse")
            ])
        #expect(
            mend.reasons[0].hasPrefix(
                "Le parcours de Karima rompt à « déclarer ses revenus en ligne » : France services de Mortagne du Nord (La Poste), à 10,5 km"))
        // A link between them takes the suggestion away
        let linked = Partnership(
            territory: .caph, from: mend.from.id, to: mend.to.id, kind: .coAnimation, state: .envisage, origin: .declared,
            createdAt: Date())
        #expect(
            !PartnershipSuggestion.suggest(fromJourneys: journeys, structures: Self.structures, index: Self.index, links: [linked])
                .contains { $0.from.id == mend.from.id && $0.to.id == mend.to.id })
    }

    @Test func aJourneyStepFromOneStructureToAnotherWithoutALinkIsSuggestedAsAnOrientation() throws {
        // Setup: in Raismes, the network sends a senior without equipment to its CCAS for procedures; Marcel's other need
        // is met elsewhere by the ranking
        let ccas = try Self.ccas(of: Self.raismes)
        let book = OrientationRuleBook(rules: [Self.rule(Self.raismes, .aideDemarchesAdministratives, ccas)], structures: Self.structures)
        let journey = try #require(Journey.compute(for: try Self.persona("marcel", in: Self.raismes), index: Self.index, rules: book))
        let other = try #require(journey.steps[1].visit.flatMap { Self.structures.structure(ofPlace: $0.entry.place.id) })
        // Act
        let suggestions = PartnershipSuggestion.suggest(fromJourneys: [journey], structures: Self.structures, index: Self.index, links: [])
        // Check: the CCAS, Marcel's first contact, orients him to that other structure, and no link joins them
        #expect(other.id != ccas.id)
        let suggestion = try #require(suggestions.first)
        #expect(suggestion.from.id == ccas.id && suggestion.to.id == other.id && suggestion.kind == .orienteVers)
        #expect(suggestion.bases == [.journeyStep(persona: "Marcel", task: journey.steps[1].need.task)])
        #expect(
            suggestion.reasons[0].hasPrefix(
                "Le parcours de Marcel va de \(ccas.name), son premier contact, à \(other.name) pour « \(journey.steps[1].need.task) »"))
    }
}
