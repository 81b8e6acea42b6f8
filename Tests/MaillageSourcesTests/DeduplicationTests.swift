import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// Precision and recall of the merge on hand-labelled pairs of real records of CAPH and its neighbours
/// (`Fixtures/dedup-pairs.tsv`), side by side with the national map's rule.
@Suite("Deduplication measured on labelled real pairs")
struct DeduplicationTests {
    struct LabelledPair {
        var first: String
        var second: String
        var isSamePlace: Bool?
        var note: String
    }

    struct Measure: CustomStringConvertible {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var wrong: [String] = []
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
        var description: String {
            "precision \(precision), recall \(recall) (\(truePositives) found, \(falsePositives) wrongly merged, \(falseNegatives) missed)\n"
                + wrong.joined(separator: "\n")
        }
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/dedup-pairs.tsv")

    static let pairs: [LabelledPair] = {
        let text = try! String(contentsOf: fixture, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let label: Bool? =
                switch fields[2] {
                case "same": true;
                case "different": false;
                default: nil
                }
            return LabelledPair(first: fields[0], second: fields[1], isSamePlace: label, note: fields.count > 3 ? fields[3] : "")
        }
    }()

    static let records: [String: SourceRecord] = {
        let pack = try! TestData.loadPack()
        return Dictionary(pack.records.map { ($0.provenance.key, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    static func measure(_ decide: (SourceRecord, SourceRecord) -> Bool) -> Measure {
        var measure = Measure()
        for pair in pairs {
            guard let expected = pair.isSamePlace, let a = records[pair.first], let b = records[pair.second] else { continue }
            let merged = decide(a, b)
            switch (expected, merged) {
            case (true, true): measure.truePositives += 1
            case (false, true): measure.falsePositives += 1
            case (true, false): measure.falseNegatives += 1
            case (false, false): continue
            }
            if expected != merged {
                measure.wrong.append(
                    "\(merged ? "merged" : "missed"): « \(a.place.nom) », \(a.place.adresse) | « \(b.place.nom) », \(b.place.adresse) \(pair.note)")
            }
        }
        return measure
    }

    @Test func theLabelledSetIsRealAndConsistent() throws {
        // Every record exists; the set has hard cases of both kinds.
        #expect(Self.pairs.count > 400)
        #expect(Self.pairs.allSatisfy { Self.records[$0.first] != nil && Self.records[$0.second] != nil })
        #expect(Self.pairs.filter { $0.isSamePlace == true }.count >= 50)
        // Labels agree with themselves: records joined by « same » are never labelled « different ».
        var groups: [String: String] = [:]
        func root(_ key: String) -> String {
            var key = key
            while let parent = groups[key], parent != key { key = parent }
            return key
        }
        for pair in Self.pairs where pair.isSamePlace == true { groups[root(pair.first)] = root(pair.second) }
        let contradictions = Self.pairs.filter { $0.isSamePlace == false && root($0.first) == root($0.second) }
        #expect(contradictions.isEmpty, "\(contradictions.map { "\($0.first) \($0.second)" })")
    }

    @Test func theMergeFindsTheSamePlacesWrittenDifferentlyAndKeepsDifferentPlacesApart() {
        // Act: the merge as the importer runs it, over every record of the pack.
        let merged = PlaceMerger().merge(Array(Self.records.values))
        var placeOf: [String: String] = [:]
        for place in merged { for provenance in place.provenances { placeOf[provenance.key] = place.id } }
        let maillage = Self.measure { placeOf[$0.provenance.key] == placeOf[$1.provenance.key] }
        let reference = Self.measure(NationalMapDeduplication.isDuplicate)
        // Check
        #expect(maillage.precision >= 0.95, "\(maillage)")
        #expect(maillage.recall >= 0.95, "\(maillage)")
        #expect(maillage.f1 > reference.f1, "Maillage \(maillage)\nnational map \(reference)")
        print("deduplication — Maillage: \(maillage)")
        print("deduplication — national map's rule: \(reference)")
    }

    @Test func theFranceServicesOfWallersIsOnePlace() throws {
        // « France services Wallers Arenberg », 69 rue Michel Rondet, and « Maison France Services - Wallers-Arenberg »,
        // 69 Avenue Michel Rondet, 20 m apart, from two sources.
        let pair = try #require(Self.pairs.first { $0.note.contains("the issue's example") })
        let merged = PlaceMerger().merge([try #require(Self.records[pair.first]), try #require(Self.records[pair.second])])
        #expect(merged.count == 1)
    }
}
