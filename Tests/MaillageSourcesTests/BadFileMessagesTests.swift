import Foundation
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// Every rejection of a whole file says why, where, and what was expected: empty files, unknown formats, a standard
/// file without a required column, JSON that is cut, holds a NaN or is an object.
@Suite("Bad files get a clear message")
struct BadFileMessagesTests {
    static func message(_ text: String, format: SourceFormat) -> String {
        do {
            _ = try PlaceFileReader.read(text, format: format, file: "f", locator: TestData.nationalLocator)
            return ""
        } catch {
            return error.message
        }
    }

    @Test func anEmptyFileAndAnUnknownFormatSayWhatTheyAreAndWhatMaillageReads() {
        #expect(SourceFormat.unrecognised(text: " \n") == "fichier vide : aucune ligne à lire")
        let unknown = SourceFormat.unrecognised(text: "siret;raison sociale\n1;x\n")
        #expect(
            unknown.contains("« siret;raison sociale »") && unknown.contains("France services (ANCT) (colonnes id_fs, lib_fs)")
                && unknown.contains("standard national CSV"))
    }

    @Test func aStandardFileWithoutItsNameColumnIsRecognisedAndNamesTheColumn() throws {
        // Setup: the schema's example file without its `nom` column
        let example = try TestData.text("lieux/schema-exemple-valide.csv")
        let table = example.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let nom = try #require(table[0].firstIndex(of: "\"nom\"") ?? table[0].firstIndex(of: "nom"))
        let withoutName = table.map { row in row.enumerated().filter { $0.offset != nom }.map(\.element).joined(separator: ",") }.joined(
            separator: "\n")
        // Act and check
        #expect(SourceFormat.detect(text: withoutName, fileName: "x.csv") == .standardCSV)
        #expect(Self.message(withoutName, format: .standardCSV).contains("colonnes obligatoires absentes de l'en-tête : nom"))
    }

    @Test func brokenJSONSaysWhereAsAnEditorShowsIt() throws {
        // Setup: the real conseillers numériques file, cut in the middle, with a NaN on a known line, and as an object
        // One object per line, as most JSON files people open look
        let text = try TestData.text("lieux/conseillers-numeriques-lieux-2022-12.json").replacingOccurrences(of: "}, {", with: "},\n{")
        let lines = text.components(separatedBy: "\n")
        let cut = String(text.prefix(text.count / 2))
        var withNaN = lines
        let target = lines.count / 3
        #expect(lines.count > 4_000)
        let colon = try #require(withNaN[target].range(of: "\":"))
        withNaN[target] = String(withNaN[target][..<colon.upperBound]) + "NaN}},"
        // Act
        let truncated = Self.message(cut, format: .conseillerNumerique)
        let nan = Self.message(withNaN.joined(separator: "\n"), format: .conseillerNumerique)
        let object = Self.message("{\"lieux\": 3, \"source\": \"x\"}", format: .conseillerNumerique)
        // Check
        #expect(
            truncated.contains("fin du fichier atteinte avant la fin du JSON (fichier coupé ?)")
                && truncated.contains("ligne \(cut.components(separatedBy: "\n").count)"))
        #expect(nan.contains("ligne \(target + 1), colonne"), "\(nan)")
        #expect(object.contains("attendu un tableau d'objets, trouvé un objet (clés : lieux, source)"))
    }

    @Test func aSiretOfTheWrongLengthIsDroppedWithAWarningNotSilently() throws {
        // Setup: the real Aidants Connect file (some SIRETs there are already wrong), a digit added to one in 97
        let text = try TestData.text("lieux/aidants-connect-structures-2023-01.json")
        var items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        func perLine(_ items: [[String: Any]]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: items), as: UTF8.self).replacingOccurrences(of: "},{", with: "},\n{")
        }
        let original = try perLine(items)
        func siret(_ item: [String: Any]) -> String { item["SIRET"].map { "\($0)" } ?? "" }
        var damaged: [Int] = []
        for index in stride(from: 0, to: items.count, by: 97) where siret(items[index]).filter(\.isNumber).count == 14 {
            items[index]["SIRET"] = siret(items[index]) + "7"
            damaged.append(index + 1)
        }
        // one object per line, so that each row's physical line is its position
        let changed = String(decoding: try JSONSerialization.data(withJSONObject: items), as: UTF8.self).replacingOccurrences(
            of: "},{", with: "},\n{")
        // Act
        let intact = try PlaceFileReader.read(original, format: .aidantsConnect, file: "ac.json", locator: TestData.nationalLocator)
        let read = try PlaceFileReader.read(changed, format: .aidantsConnect, file: "ac.json", locator: TestData.nationalLocator)
        // Check: the damaged rows are kept without a pivot and warned, on top of the file's own wrong SIRETs
        func warned(_ report: ImportReport) -> Set<Int> {
            Set(report.warnings.filter { $0.field == "SIRET" && $0.message.contains("n'est ni un SIRET") }.map(\.line))
        }
        #expect(damaged.count > 5)
        #expect(warned(read.report) == warned(intact.report).union(damaged))
        #expect(read.records.count == intact.records.count)
    }

    @Test(arguments: [
        (SourceFormat.conseillerNumerique, "lieux/conseillers-numeriques-lieux-2022-12.json", "services"),
        (SourceFormat.aidantsConnect, "lieux/aidants-connect-structures-2023-01.json", "Name")
    ])
    func aFieldOfTheWrongJSONTypeIsWarnedWithItsLineAndIgnored(format: SourceFormat, path: String, textField: String) throws {
        // Setup: the real file, one row in 89 given a number where text is expected, one in 97 a list, one in 101 a
        // postal code as a number (which is accepted)
        let text = try TestData.text(path)
        var items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let postalField = format == .aidantsConnect ? "Code postal" : "code_postal"
        var numbered: [Int] = [], listed: [Int] = []
        for index in stride(from: 0, to: items.count, by: 89) { items[index][textField] = 42; numbered.append(index + 1) }
        for index in stride(from: 5, to: items.count, by: 97) where !numbered.contains(index + 1) {
            items[index]["latitude"] = [1, 2]; listed.append(index + 1)
        }
        for index in stride(from: 7, to: items.count, by: 101) {
            if let code = items[index][postalField].map({ "\($0)" }), let number = Int(code) { items[index][postalField] = number }
        }
        // one object per line, so that each row's physical line is its position
        let changed = String(decoding: try JSONSerialization.data(withJSONObject: items), as: UTF8.self).replacingOccurrences(
            of: "},{", with: "},\n{")
        // Act
        let read = try PlaceFileReader.read(changed, format: format, file: "lieux.json", locator: TestData.nationalLocator)
        // Check: each wrong type warned on its line and field, with what was expected and found; the numbers given as
        // postal codes pass
        let typeWarnings = read.report.warnings.filter { $0.message.contains("valeur ignorée") }
        #expect(Set(typeWarnings.filter { $0.field == textField }.map(\.line)) == Set(numbered))
        #expect(typeWarnings.first { $0.field == textField }?.message == "attendu du texte, trouvé le nombre 42 : valeur ignorée")
        if format == .conseillerNumerique {
            #expect(Set(typeWarnings.filter { $0.field == "latitude" }.map(\.line)) == Set(listed))
            #expect(read.records.allSatisfy { !$0.place.services.contains { "\($0)".contains("42") } })
        }
        #expect(!typeWarnings.contains { $0.field == postalField })
    }
}
