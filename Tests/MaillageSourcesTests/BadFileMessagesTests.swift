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
        #expect(unknown.contains("« siret;raison sociale »") && unknown.contains("France services (ANCT) (colonnes id_fs, lib_fs)") && unknown.contains("standard national CSV"))
    }

    @Test func aStandardFileWithoutItsNameColumnIsRecognisedAndNamesTheColumn() throws {
        // Setup: the schema's example file without its `nom` column
        let example = try TestData.text("lieux/schema-exemple-valide.csv")
        let table = example.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let nom = try #require(table[0].firstIndex(of: "\"nom\"") ?? table[0].firstIndex(of: "nom"))
        let withoutName = table.map { row in row.enumerated().filter { $0.offset != nom }.map(\.element).joined(separator: ",") }.joined(separator: "\n")
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
        #expect(truncated.contains("fin du fichier atteinte avant la fin du JSON (fichier coupé ?)") && truncated.contains("ligne \(cut.components(separatedBy: "\n").count)"))
        #expect(nan.contains("ligne \(target + 1), colonne"), "\(nan)")
        #expect(object.contains("attendu un tableau d'objets, trouvé un objet (clés : lieux, source)"))
    }
}
