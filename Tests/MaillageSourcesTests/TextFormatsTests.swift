import Foundation
@testable import MaillageSources
import Testing
import MaillageTestSupport

@Suite("What real French files do")
struct TextFormatsTests {
    @Test func csvHandlesBomSemicolonsCRLFAndQuotedNewlines() throws {
        // setup
        let bytes =
            Data([0xEF, 0xBB, 0xBF]) + Data("nom;adresse;note\r\n\"Centre \"\"social\"\"\";\"1 rue\r\nBât. A\";54,3\r\nMairie;2 place;\r\n".utf8)
        // act
        let text = try FileLoader.decode(bytes, file: "t.csv").text
        let table = CSVTable(text: text)
        // check
        #expect(table.separator == ";")
        #expect(table.header == ["nom", "adresse", "note"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields == ["Centre \"social\"", "1 rue\nBât. A", "54,3"])
        #expect(table.rows[1].line == 4)
        #expect(FrenchNumber.double(table.rows[0].fields[2]) == 54.3)
    }

    @Test func windows1252IsDetectedAndConverted() throws {
        let bytes = Data([0x4D, 0xE9, 0x64, 0x69, 0x61, 0x74, 0x68, 0xE8, 0x71, 0x75, 0x65])  // "Médiathèque" in Windows-1252
        let loaded = try FileLoader.decode(bytes, file: "w.csv")
        #expect(loaded.text == "Médiathèque")
        #expect(loaded.convertedFrom == "Windows-1252")
    }

    @Test func bytesOfNoKnownEncodingAreRejectedClearly() {
        #expect(throws: ImportError.self) { try FileLoader.decode(Data([0x41, 0x81, 0x8D, 0xFF]), file: "x.csv") }
    }

    @Test func gzipRoundTrips() throws {
        let original = Data(String(repeating: "Denain;59172\n", count: 1_000).utf8)
        #expect(try FileLoader.inflate(FileLoader.gzip(original), file: "x.gz") == original)
    }

    @Test func leadingZerosLostBySpreadsheetsAreRestored() {
        #expect("1400".leftPadded(to: 5) == "01400")
        #expect("59172".leftPadded(to: 5) == "59172")
        #expect("".leftPadded(to: 5) == "")
    }

    @Test(arguments: [
        ("lieux/france-services-2022-12.csv", SourceFormat.franceServices),
        ("lieux/conseillers-numeriques-lieux-2022-12.json", .conseillerNumerique),
        ("lieux/data-inclusion-structures-mediation-numerique-2023-02.json", .dataInclusion),
        ("lieux/aidants-connect-structures-2023-01.json", .aidantsConnect),
        ("lieux/bibliotheques-publiques-france.csv.gz", .bibliotheques),
        ("lieux/schema-exemple-valide.csv", .standardCSV),
        ("territoire/communes-caph.csv", .communes),
        ("territoire/epci-france-2025.json.gz", .epci),
        ("territoire/communes-59-nord-2018.geojson", .boundaries),
        ("qpv/qpv-2015-demographie-2020.csv", .qpv),
        ("fragilite-numerique/indice-fragilite-numerique-2020-hauts-de-france-iris.csv", .fragility),
        ("connectivite/arcep-eligibilite-debit-commune-2019-09.csv.gz", .broadband)
    ])
    func everySharedFileIsDetected(path: String, format: SourceFormat) throws {
        let url = TestData.file(path)
        #expect(SourceFormat.detect(text: try FileLoader.load(url).text, fileName: url.lastPathComponent) == format)
    }
}
