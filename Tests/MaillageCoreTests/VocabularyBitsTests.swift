import MaillageCore
import Testing

@Suite("Vocabulary bits")
struct VocabularyBitsTests {
    @Test func everySubsetComesBackInTheStandardsOrder() {
        // Every subset of the 9 services, given in reverse order
        for raw in 0..<(UInt32(1) << 9) {
            let values = Service.allCases.enumerated().filter { raw & 1 << UInt32($0.offset) != 0 }.map(\.element)
            let bits = VocabularyBits(values.reversed())
            #expect(bits.rawValue == raw)
            #expect(bits.values == values)
            #expect(VocabularyBits<Service>(rawValue: raw) == bits)
        }
        #expect(VocabularyBits<Service>.maximumRawValue == 511)
        #expect(VocabularyBits<Service>(rawValue: 512) == nil)  // a tenth bit names no service
    }
}
