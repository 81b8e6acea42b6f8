import MaillageCore
import Testing

@Suite("Stable hash")
struct StableHashTests {
    @Test func itIsFNV1aOf64BitsWhateverHoldsTheBytes() {
        // The published FNV-1a 64 values of "" and "a".
        #expect(StableHash.hex("") == "cbf29ce484222325")
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
        // Contiguous bytes (an array, a native string) and bytes read one by one (a lazy map) hash alike.
        let text = "Médiathèque de Raismes — Grand Place"
        #expect(StableHash.hex(bytes: Array(text.utf8)) == StableHash.hex(text))
        #expect(StableHash.hex(bytes: text.utf8.lazy.map { $0 }) == StableHash.hex(text))
    }
}
