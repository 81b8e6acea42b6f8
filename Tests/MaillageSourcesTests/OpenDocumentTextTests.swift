import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import MaillageCore
import MaillageSources
import MaillageTestSupport
import Testing

/// The compte-rendu's OpenDocument text is a valid package: its `mimetype` first and stored, a manifest, and XML that
/// parses whatever the participants wrote.
struct OpenDocumentTextTests {
    static let hostile = "<b>Gras</b> & \"guillemets\" 'apostrophe' \u{0}\u{8}\u{1B}fin\u{FFFE}"

    static func report() -> MeetingReport {
        let cycle = Cycle(
            id: 1, territory: .caph, title: "Maillage territorial de l'inclusion numérique", goal: hostile,
            organisers: ["Les Assembleurs", "CAPH"], animateurs: ["Faustine Faure"])
        let meeting = Meeting(
            id: 2, cycleID: 1, territory: .caph, number: 2, startsAt: Date(timeIntervalSince1970: 1_675_326_600), venue: "Raismes",
            agenda: [AgendaItem(title: "Diagnostic", kind: .diagnostic, minutes: 60)], decisions: "Relancer les CCAS\n\(hostile)")
        let cards = [
            WorkshopCard(
                id: 1, meetingID: 2, table: Meeting.defaultFocus[0], kind: .ressource, text: hostile, authorLabel: "Nadia",
                createdAt: Date(), clientKey: "cle-00001"),
            WorkshopCard(
                id: 2, meetingID: 2, table: Meeting.defaultFocus[2], kind: .partenariat, text: "CCAS et médiathèque", authorLabel: "Léa",
                createdAt: Date(), clientKey: "cle-00002")
        ]
        return MeetingReport(
            .init(
                cycle: cycle, meeting: meeting, next: nil, participants: [], cards: cards, figureLines: ["20 participants"],
                communeName: { $0.rawValue }, placeName: { _ in nil }, personaName: { _ in nil }, dateText: { _ in "2 février 2023" },
                changes: []))
    }

    @Test func theDocumentIsAnOpenDocumentPackageWhoseXMLParsesWhateverWasWritten() throws {
        // Setup
        let report = Self.report()
        // Act
        let document = try ZippedDocument(try OpenDocumentText.document(report))
        // Check: the package
        #expect(document.paths.first == "mimetype")
        #expect(document.isStored("mimetype"))
        #expect(try document.text("mimetype") == "application/vnd.oasis.opendocument.text")
        let manifest = try document.text("META-INF/manifest.xml")
        #expect(manifest.contains("manifest:full-path=\"content.xml\"") && manifest.contains("manifest:full-path=\"styles.xml\""))
        // Check: every XML part parses, and the content holds the report's text escaped, control characters left out
        for part in ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"] {
            let parser = XMLParser(data: Data(try document.text(part).utf8))
            #expect(parser.parse(), "\(part): \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        let content = try document.text("content.xml")
        #expect(content.contains("&lt;b&gt;Gras&lt;/b&gt; &amp; &quot;guillemets&quot; &#39;apostrophe&#39; fin"))
        #expect(content.contains("<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">La rencontre en chiffres</text:h>"))
        #expect(content.components(separatedBy: "text:outline-level=\"2\"").count - 1 == report.sections.count)
        #expect(content.contains("Relancer les CCAS"))
    }
}
