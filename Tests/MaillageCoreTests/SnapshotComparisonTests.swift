import Foundation
import MaillageCore
import Testing

/// What changed between two meetings, and the join codes participants type.
struct SnapshotComparisonTests {
    static let raismes = CommuneCode("59491")!
    static let denain = CommuneCode("59172")!

    static func snapshot(
        places: [String], missing: [(Int, MissingPlaceStatus)], coverage: [(CommuneCode, CoverageClass)],
        cards: [Tally<CardKind>]
    ) -> MeetingSnapshot {
        MeetingSnapshot(
            meetingID: 1, takenAt: Date(),
            coverage: coverage.map { MeetingSnapshot.Coverage(commune: $0.0, need: Need.openOnSaturday.key, coverage: $0.1) },
            places: places.map { MeetingSnapshot.PlaceEntry(id: $0, name: "Lieu \($0)", commune: raismes) },
            missing: missing.map { MeetingSnapshot.MissingEntry(id: $0.0, summary: "Ouverture le samedi", status: $0.1) },
            cards: cards)
    }

    @Test func theComparisonSaysWhatWasAddedRemovedMovedAndBetterOrWorseCovered() {
        // Setup: a place opens in Raismes on Saturdays, one closes, a missing place is kept, another is added
        let first = Self.snapshot(
            places: ["a", "b"], missing: [(1, .idee)], coverage: [(Self.raismes, .withinReach), (Self.denain, .inCommune)],
            cards: [Tally(.ressource, 4)])
        let second = Self.snapshot(
            places: ["a", "c"], missing: [(1, .retenue), (2, .idee)], coverage: [(Self.raismes, .inCommune), (Self.denain, .outOfReach)],
            cards: [Tally(.ressource, 6), Tally(.lieuManquant, 2)])
        // Act
        let comparison = SnapshotComparison(from: first, to: second)
        let lines = comparison.lines { $0 == Self.raismes ? "Raismes" : "Denain" }
        // Check
        #expect(comparison.placesAdded.map(\.id) == ["c"] && comparison.placesRemoved.map(\.id) == ["b"])
        #expect(comparison.missingAdded.map(\.id) == [2])
        #expect(comparison.missingChanged.map { "\($0.entry.id):\($0.before)→\($0.entry.status)" } == ["1:idee→retenue"])
        #expect(comparison.coverageChanges.map(\.isBetter) == [true, false])
        #expect(lines.contains("1 lieu ajouté à l'annuaire : Lieu c (Raismes)"))
        #expect(lines.contains("Lieu manquant n° 1 (Ouverture le samedi) : idée → retenue"))
        #expect(
            lines.contains(
                "1 couple commune × besoin mieux couvert : Raismes, Ouvert le samedi (ailleurs dans le périmètre, à portée → dans la commune)"))
        #expect(lines.contains("Cartes des tables, d'une rencontre à l'autre : structures ressources 4 → 6, lieux manquants 0 → 2"))
    }

    @Test func snapshotsClassedByDifferentCoverageRulesDoNotReportTheRuleAsAChangeOfTheTerritory() {
        // Setup: the same two meetings as above, the second snapshot classed by a later version of the rule
        let first = Self.snapshot(
            places: ["a", "b"], missing: [(1, .idee)], coverage: [(Self.raismes, .withinReach), (Self.denain, .inCommune)],
            cards: [Tally(.ressource, 4)])
        var second = Self.snapshot(
            places: ["a", "c"], missing: [(1, .retenue)], coverage: [(Self.raismes, .inCommune), (Self.denain, .outOfReach)],
            cards: [Tally(.ressource, 6)])
        second.coverageRuleVersion = CoverageRule.version + 1
        // Act
        let comparison = SnapshotComparison(from: first, to: second)
        let lines = comparison.lines { $0 == Self.raismes ? "Raismes" : "Denain" }
        // Check: places and the register are compared as before; the coverage is not, and the report says why
        #expect(first.coverageRuleVersion == CoverageRule.version)
        #expect(comparison.coverageRuleChange?.before == CoverageRule.version && comparison.coverageRuleChange?.after == CoverageRule.version + 1)
        #expect(comparison.coverageChanges.isEmpty)
        #expect(comparison.placesAdded.map(\.id) == ["c"] && comparison.missingChanged.count == 1)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "La règle de couverture a changé entre les deux rencontres (version \(CoverageRule.version) → \(CoverageRule.version + 1))")
            })
        #expect(!lines.contains { $0.contains("mieux couvert") || $0.contains("moins bien couvert") })
        // The same two snapshots under one rule report both changes of coverage, and no change of rule.
        second.coverageRuleVersion = CoverageRule.version
        let sameRule = SnapshotComparison(from: first, to: second)
        #expect(sameRule.coverageRuleChange == nil && sameRule.coverageChanges.count == 2)
    }

    @Test func joinCodesAreReadAsTypedAndNeverMadeOfLookAlikes() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<200).map { _ in JoinCode.make(using: &generator) }
        #expect(codes.allSatisfy { $0.count == 6 && !$0.contains(where: "01ILO".contains) })
        #expect(JoinCode.normalised(" 3nem-qh ") == "3NEMQH")
        #expect(JoinCode.normalised("3NEMQ0") == nil && JoinCode.normalised("3NEMQ") == nil && JoinCode.normalised("<script>") == nil)
    }
}
