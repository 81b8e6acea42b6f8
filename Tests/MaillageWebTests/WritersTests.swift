import Foundation
import MaillageCore
import Hummingbird
@testable import MaillageWeb
import Testing

@Suite("Hand-written output: JSON writer and fixed-point numbers")
struct WritersTests {
    @Test func theJSONWriterEscapesWhatJSONRequiresAndParsesBack() throws {
        // Setup: text with quotes, backslashes, control characters, right-to-left and combining characters.
        let hostile = "\"><script>alert(1)</script>\\ \u{1}\t\nعربي e\u{301} 🇫🇷"
        var writer = JSONWriter()

        // Act
        writer.object { json in
            json.key("text"); json.string(hostile)
            json.key("none"); json.string(nil)
            json.key("list"); json.strings(["a", hostile])
            json.key("n"); json.number(-42)
            json.key("x"); json.number(2.5)
            json.key("nan"); json.number(Double.nan)
            json.key("flag"); json.bool(true)
            json.key("raw"); json.raw(ByteBuffer(string: "{\"k\":[1,2]}"))
            json.key("empty"); json.array { _ in }
        }

        // Check: a standard parser reads back exactly what was written.
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(buffer: writer.buffer)) as? [String: Any])
        #expect(parsed["text"] as? String == hostile)
        #expect(parsed["none"] is NSNull)
        #expect(parsed["list"] as? [String] == ["a", hostile])
        #expect(parsed["n"] as? Int == -42)
        #expect(parsed["x"] as? Double == 2.5)
        #expect(parsed["nan"] is NSNull)
        #expect(parsed["flag"] as? Bool == true)
        #expect((parsed["raw"] as? [String: [Int]])?["k"] == [1, 2])
        #expect((parsed["empty"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: ["Aide aux démarches administratives", "a&b=c+d/é?#", "\"><script>", "e\u{301}\u{202E}👩🏽‍💻", "abc-_.~XYZ09", ""])
    func queryComponentsAreEncodedAndDecodeBackToTheSameText(text: String) {
        let encoded = URLQuery.component(text)
        let allowed = Set("%-_.~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        #expect(encoded.utf8.allSatisfy(allowed.contains))
        // Bidirectional controls are the one thing dropped on the way in.
        #expect(QueryReader.formDecoded(Substring(encoded)) == text.withoutBidiControls)
    }

    @Test func queryComponentsUseTheUnreservedSetOfRFC3986() {
        #expect(URLQuery.component("démarches, 2") == "d%C3%A9marches%2C%202")
        #expect(URLQuery.encode([("services", "Aide+ ~x")]) == "services=Aide%2B%20~x")
    }

    @Test func queryValuesAreDecodedAsFormsSendThem() {
        #expect(QueryReader.formDecoded("a+b%20c%C3%A9") == "a b cé")
        #expect(QueryReader.formDecoded("100%") == "100%")
        #expect(QueryReader.formDecoded("%zz%4") == "%zz%4")
        #expect(QueryReader.formDecoded("%E2%80%AE%D8%AA") == "ت")
        #expect(QueryReader.formDecoded("%FF") == "\u{FFFD}")
        #expect("  Denain \t\u{A0}\n".trimmed == "Denain")
    }

    @Test func fixedPointNumbersRoundLikePrintf() {
        #expect(FixedPoint.format(12.345) == "12.3")
        #expect(FixedPoint.format(12.35, digits: 2) == "12.35")
        #expect(FixedPoint.format(0.05, digits: 2) == "0.05")
        #expect(FixedPoint.format(-3.26) == "-3.3")
        #expect(FixedPoint.format(-0.04) == "0.0")
        #expect(FixedPoint.format(7.6, digits: 0) == "8")
        #expect(FixedPoint.format(2.345, digits: 1, separator: ",") == "2,3")
        #expect(FixedPoint.format(.infinity) == "0")
    }
}
