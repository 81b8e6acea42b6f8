import Foundation
import MaillageCore
import ZIPFoundation

/// A meeting's report as an OpenDocument text (`.odt`, ODF 1.3), editable in LibreOffice or Word: the `mimetype` entry
/// first and stored, the manifest, the content with its headings, paragraphs and lists, and A4 page styles.
public enum OpenDocumentText {
    public static let mimeType = "application/vnd.oasis.opendocument.text"

    public static func document(_ report: MeetingReport, generator: String = "Maillage") throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add("mimetype", Data(mimeType.utf8), to: archive, compressed: false)
        try add("META-INF/manifest.xml", Data(manifest.utf8), to: archive)
        try add("meta.xml", Data(meta(title: report.title, generator: generator).utf8), to: archive)
        try add("styles.xml", Data(styles.utf8), to: archive)
        try add("content.xml", Data(content(report).utf8), to: archive)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private static func add(_ path: String, _ data: Data, to archive: Archive, compressed: Bool = true) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_672_531_200),
            compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// The report's body: a title, its subtitle, then each section as a heading with its paragraphs and bullet list.
    static func content(_ report: MeetingReport) -> String {
        var body = "<text:h text:style-name=\"Title\" text:outline-level=\"1\">\(MarkupEscaping.escapeForXML(report.title))</text:h>"
        body += "<text:p text:style-name=\"Subtitle\">\(MarkupEscaping.escapeForXML(report.subtitle))</text:p>"
        func write(_ section: MeetingReport.Section, level: Int) {
            body +=
                "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(MarkupEscaping.escapeForXML(section.heading))</text:h>"
            for paragraph in section.paragraphs {
                body += "<text:p text:style-name=\"Text_20_body\">\(MarkupEscaping.escapeForXML(paragraph))</text:p>"
            }
            if !section.items.isEmpty {
                body += "<text:list text:style-name=\"Bullets\">"
                for item in section.items {
                    body += "<text:list-item><text:p text:style-name=\"List_20_item\">\(MarkupEscaping.escapeForXML(item))</text:p></text:list-item>"
                }
                body += "</text:list>"
            }
            for subsection in section.subsections { write(subsection, level: level + 1) }
        }
        for section in report.sections { write(section, level: 2) }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">\
            <office:automatic-styles/><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
    }

    private static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """

    private static func meta(title: String, generator: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:generator>\(MarkupEscaping.escapeForXML(generator))</meta:generator>\
        <dc:title>\(MarkupEscaping.escapeForXML(title))</dc:title><dc:language>fr-FR</dc:language></office:meta></office:document-meta>
        """
    }

    /// A4 pages with 2 cm margins, a sans-serif body, numbered-free headings and one bullet list style.
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">\
        <office:styles>\
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/>\
        <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" fo:language="fr" fo:country="FR"/></style:default-style>\
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>\
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>\
        <style:style style:name="List_20_item" style:display-name="List item" style:family="paragraph" style:parent-style-name="Standard" style:class="list"/>\
        <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>\
        <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="12pt" fo:font-style="italic"/></style:style>\
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">\
        <style:paragraph-properties fo:margin-top="0.5cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>\
        <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3" style:class="text">\
        <style:paragraph-properties fo:margin-top="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>\
        <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="4" style:class="text">\
        <style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>\
        <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">\
        <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" \
        fo:text-indent="-0.4cm" fo:margin-left="0.8cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>\
        </office:styles>\
        <office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" \
        fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>\
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>\
        </office:document-styles>
        """
}
