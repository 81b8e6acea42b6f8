import Foundation
import MaillageCore
import Testing

/// The QR encoder against two maintained Python encoders, module for module: five texts from 4 to 204 bytes (versions
/// 1, 3, 6, 8 and 10, so with and without version information, one to five blocks), each with the eight masks forced
/// (segno) and with the mask the penalty rules choose (qrcodegen); `Fixtures/qr-reference.tsv` says how it was made.
@Suite("QR code encoder")
struct QRCodeTests {
    struct Reference {
        let text: String
        let mask: Int?
        let version: Int
        let maskUsed: Int
        let modules: [[Bool]]
    }

    static let references: [Reference] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/qr-reference.tsv")
        let lines = try! String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        return lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Reference(
                text: fields[0], mask: Int(fields[1]), version: Int(fields[2])!, maskUsed: Int(fields[3])!,
                modules: fields[4].split(separator: ";").map { $0.map { $0 == "1" } })
        }
    }()

    @Test func everyForcedMaskGivesSegnosSymbol() throws {
        let forced = Self.references.filter { $0.mask != nil }
        #expect(forced.count == 40)
        for reference in forced {
            let code = try QRCode(text: reference.text, mask: reference.mask)
            #expect(code.version == reference.version, "\(reference.text.prefix(20)) mask \(reference.mask!)")
            #expect(code.modules == reference.modules, "\(reference.text.prefix(20)) mask \(reference.mask!)")
        }
    }

    @Test func thePenaltyRulesChooseTheReferenceMask() throws {
        for reference in Self.references where reference.mask == nil {
            let code = try QRCode(text: reference.text)
            #expect(code.mask == reference.maskUsed, "\(reference.text.prefix(20))")
            #expect(code.modules == reference.modules, "\(reference.text.prefix(20))")
            #expect(code.size == 17 + 4 * code.version)
        }
    }

    @Test func tooMuchForVersionTenIsRefusedWithTheCount() {
        do {
            _ = try QRCode(bytes: [UInt8](repeating: 0x41, count: 214))
            Issue.record("214 bytes do not fit in version 10 at level M")
        } catch {
            #expect(error.bytes == 214)
        }
        #expect((try? QRCode(bytes: [UInt8](repeating: 0x41, count: 213)))?.version == 10)
    }
}
