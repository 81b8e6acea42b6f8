import MaillageCore
import Testing

@Suite("The k smallest elements")
struct SmallestTests {
    @Test(arguments: [0, 1, 3, 10, 250, 999, 2_000])
    func theyAreTheFirstOfAStableSort(k: Int) {
        // Setup: many ties, so that stability matters
        var generator = SystemRandomNumberGenerator()
        let values = (0..<1_000).map { index in (key: Int.random(in: 0..<50, using: &generator), index: index) }
        // Act
        let smallest = values.smallest(k) { $0.key < $1.key }
        // Check: Swift's sort is stable, so equal keys keep their original order in both
        let expected = Array(values.sorted { $0.key < $1.key }.prefix(k))
        #expect(smallest.map(\.index) == expected.map(\.index))
    }
}
