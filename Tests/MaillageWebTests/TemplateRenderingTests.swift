import Foundation
import MaillageCore
import MaillageTestSupport
import Mustache
import Testing
@testable import MaillageWeb

@Suite("Template rendering")
struct TemplateRenderingTests {
    static let hostile = [
        "\"><script>alert('x')</script>", "Saint-Amand-les-Eaux", "Café & Cie <b>", "e\u{301}\u{202E}👩🏽‍💻 « l'atelier »",
        String(repeating: "<&>", count: 5_000), ""
    ]

    @Test(arguments: hostile)
    func maillageEscapesExactlyLikeMustache(text: String) throws {
        // Setup: Mustache's own HTML escaping, through a template without the pragma.
        let mustache = try MustacheTemplate(string: "{{.}}").render(text)

        // Act / check: the same characters, the same entities.
        #expect(HTMLEscaping.escape(text) == mustache)
    }

    @Test func everyTemplateOptsIntoTheFastEscapingOrExtendsTheLayoutThatDoes() throws {
        let directory = URL(fileURLWithPath: PageRenderer.templatesDirectory)
        let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.map { directory.appendingPathComponent($0) }
        #expect(files.count > 10)
        let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.pragmaName) }}"
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.hasPrefix(pragma) || text.hasPrefix("{{<layout}}"), "\(file.lastPathComponent)")
        }
        let layout = try String(contentsOf: try #require(files.first { $0.lastPathComponent == "layout.mustache" }), encoding: .utf8)
        #expect(layout.hasPrefix(pragma))
    }

    @Test func templatesAreFoundByNameInTheirFeatureFolderAndTwoOfOneNameStopTheStart() throws {
        // Setup: two feature folders, then a second template named like the first
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for folder in ["Accounts", "Places"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "Bonjour {{name}}".write(to: directory.appendingPathComponent("Accounts/greeting.mustache"), atomically: true, encoding: .utf8)
        try "{{> greeting}} !".write(to: directory.appendingPathComponent("Places/place.mustache"), atomically: true, encoding: .utf8)
        // Act / check: a partial of another folder is named without its folder
        let library = try TemplateFolder.library(at: directory.path)
        #expect(library.render(["name": "Nadia"], withTemplate: "place") == "Bonjour Nadia !")
        try "Autre".write(to: directory.appendingPathComponent("Places/greeting.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: TemplateFolder.DuplicateName.self) { try TemplateFolder.library(at: directory.path) }
    }

    @Test func theLayoutStillEscapesHostileTextWithTheFastEscaping() async throws {
        // Setup: the shipped templates, the pragma registered by loading them.
        let renderer = try await PageRenderer.load()
        let page = ErrorPage(status: 400, message: "\"><script>alert(1)</script> l'atelier & <b>")

        // Act
        let html = renderer.render(page, for: Visitor()).html

        // Check
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; l&#39;atelier &amp; &lt;b&gt;"))
        #expect(!html.contains("<script>alert"))
    }

    struct Item { var name: String; var note: String?; var flag: Bool; var tags: [String] }
    struct Model { var title: String; var note: String; var items: [Item]; var nested: Item?; var missing: Item?; var count: Int; var ratio: Double }

    @Test func theTreeKeepsMustacheSemantics() throws {
        // Setup: a nil field falls back to the enclosing object, sections, inverted sections, dotted names, numbers.
        let template = try MustacheTemplate(
            string: "{{title}}|{{#items}}[{{name}}:{{note}}:{{#flag}}F{{/flag}}{{^flag}}f{{/flag}}:"
                + "{{#tags}}<{{.}}>{{/tags}}{{^tags}}none{{/tags}}]{{/items}}|{{nested.name}}|{{#missing}}M{{/missing}}{{^missing}}no{{/missing}}|{{count}} {{ratio}}"
        )
        let model = Model(
            title: "T", note: "outer",
            items: [
                Item(name: "a", note: "inner", flag: true, tags: ["x", "y"]),
                Item(name: "b", note: nil, flag: false, tags: [])
            ],
            nested: Item(name: "n", note: nil, flag: true, tags: []), missing: nil, count: 3, ratio: 0.5)

        // Act
        let viaReflection = template.render(model)
        let viaTree = template.render(try #require(TemplateTree.make(model)))

        // Check
        #expect(viaReflection == "T|[a:inner:F:<x><y>][b:outer:f:none]|n|no|3 0.5")
        #expect(viaTree == viaReflection)
    }

    @Test func theCAPHDiagnosticPageIsTheSameThroughTheTree() async throws {
        // Setup: the real page model of CAPH's diagnostic, on the demo pack.
        let renderer = try await PageRenderer.load()
        let index = TestData.packIndex
        let diagnostic = Diagnostic.compute(perimeter: .epci(try #require(index.territory.epcis[.caph])), index: index)
        let need = Need.service(.aideDemarchesAdministratives)
        let page = DiagnosticPage(
            diagnostic: diagnostic, selected: need, perimeterItems: [("epci", "200042190")], index: index,
            placement: PlacementRequest(need: need, parameters: diagnostic.parameters))

        // Act: Mustache reflecting the page's fields itself (with the site's links and shell every page receives), and the tree
        // (a nil optional is left out, as Mustache leaves out a nil field)
        var fields = Dictionary(
            uniqueKeysWithValues: Mirror(reflecting: page).children.filter { child in
                let mirror = Mirror(reflecting: child.value)
                return mirror.displayStyle != .optional || !mirror.children.isEmpty
            }.map { ($0.label!, $0.value) })
        fields["site"] = SiteLinks.tree
        fields["shell"] = renderer.shell.tree(for: page)
        let viaReflection = try #require(renderer.library.render(fields, withTemplate: page.template.rawValue))
        let viaTree = renderer.render(page, for: Visitor()).html

        // Check
        #expect(viaReflection.count > 100_000)
        #expect(viaTree == viaReflection)
    }
}
