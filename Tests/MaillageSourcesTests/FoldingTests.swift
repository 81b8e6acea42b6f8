import MaillageTestSupport
import Testing
@testable import MaillageCore

@Suite("Folding names and addresses")
struct FoldingTests {
    @Test func theLatinTableFoldsEveryRealNameExactlyLikeFoundation() {
        // Setup: every commune name of France and every place name and address of the national files.
        let communes = TestData.nationalTerritory.communes.values.map(\.name)
        let places = TestData.nationalRecords.values.flatMap(\.records).flatMap { [$0.place.nom, $0.place.adresse, $0.place.commune] }
        let texts =
            communes + places + [
                "ST-AMAND-LES-EAUX", "Ste Marie", "Œuvre d'Æsop", "İzmir", "straße", "e\u{301}cole", "ﬁn", "Ｆｕｌｌ",
                "a\u{AD}b", "l'Écluse — n° 3", "\"><script>", ""
            ]
        var fast = 0

        // Act / check: whenever the table applies, it gives Foundation's result.
        for text in texts {
            guard let latin = text.latinFolded else { continue }
            fast += 1
            #expect(latin == text.foundationFolded, "\(text)")
        }
        #expect(texts.count > 80_000)
        #expect(fast * 100 / texts.count >= 99)  // nearly all real text takes the fast path
    }
}
