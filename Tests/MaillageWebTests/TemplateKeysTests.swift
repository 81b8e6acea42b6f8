import Foundation
import MaillageCore
import MaillageTestSupport
import Testing
@testable import MaillageWeb

/// Every template has its `TemplateName` and reads only keys its page model has.
@Suite("Template names and keys", .serialized)
struct TemplateKeysTests {
    /// The shipped templates' text, by file name.
    static func sources() throws -> [String: String] {
        let directory = PageRenderer.templatesDirectory
        let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }
        return Dictionary(
            uniqueKeysWithValues: try paths.map { path in
                (
                    String(path.split(separator: "/").last!.dropLast(".mustache".count)),
                    try String(contentsOfFile: directory + "/" + path, encoding: .utf8)
                )
            })
    }

    @Test func everyTemplateFileHasItsNameAndEveryNameItsFile() throws {
        let files = Set(try Self.sources().keys)
        let names = Set(TemplateName.allCases.map(\.rawValue))
        #expect(files.count > 50)
        #expect(files.subtracting(names).isEmpty, "gabarits sans TemplateName : \(files.subtracting(names).sorted())")
        #expect(names.subtracting(files).isEmpty, "TemplateName sans gabarit : \(names.subtracting(files).sorted())")
    }

    struct Card { var text: String; var author: String? }
    struct Board { var title: String; var cards: [Card]; var empty: [Card]; var note: String? }

    @Test func theCheckFindsAKeyTheModelLacksAndAcceptsWhatMustacheResolves() {
        // Setup: a template reading a field of the card, a field of the board from inside the cards, a nil field, a
        // list the sample leaves empty, and two keys no model has
        let check = TemplateKeyCheck(sources: [
            "board":
                "{{title}}{{#cards}}{{text}} {{author}} {{title}} {{autor}}{{/cards}}{{^note}}-{{/note}}{{#empty}}{{whatever}}{{/empty}}{{> footer}}",
            "footer": "{{#note}}{{.}}{{/note}}{{shell.name}}{{missing.part}}"
        ])
        let model = Board(title: "Atelier", cards: [Card(text: "Carte", author: nil)], empty: [], note: nil)
        // Act
        let result = check.misses(template: "board", model: model)
        // Check: the misspelled field and the unknown root are found, with where they are read; the nil and the
        // empty list are not misses but the empty list and the nil section are counted as unchecked
        #expect(
            Set(result.misses.map(\.description))
                == ["« board » lit {{autor}} dans cards", "« board » lit {{shell.name}}", "« board » lit {{missing.part}}"])
        #expect(result.unchecked == 2)
    }

    /// The pages the site renders for the demo territory, anonymous and signed in, with a cycle and its meetings.
    @Test func everyKeyATemplateReadsIsInItsPageModel() async throws {
        let samples = Samples()
        try await PageRenderer.$observer.withValue({ page, tree in samples.add(Sample(page: page, tree: tree)) }) {
            try await TestSite.with { site in
                var visitor = Browser()
                let place = "aidants-connect-5817"
                for uri in [
                    "/", "/recherche?ou=Raismes&services=Aide+aux+d%C3%A9marches+administratives&sur_place=1",
                    "/recherche?ou=Denain&services=Insertion+professionnelle+via+le+num%C3%A9rique", "/communes/59491", "/territoires/200042190",
                    "/territoires/123456789", "/orienter",
                    "/orienter/resultats?besoin=Aide+aux+d%C3%A9marches+administratives&ou=Raismes&equipement=aucun&mobilite=bus&gratuit=1",
                    "/recherche?services=Jardinage", "/diagnostic?epci=200042190", "/diagnostic/communes/59038", "/personas", "/personas/karima",
                    "/personas/karima/parcours", "/personas/marcel/parcours?commune=59172", "/atelier", "/connexion", "/donnees-personnelles",
                    "/mentions-legales", "/accessibilite", "/plan-du-site", "/contact", "/aide", "/structures", "/lieux-manquants", "/cycles",
                    "/rejoindre",
                    "/partenariats", "/partenariats?commune=59491", "/orienter/regles", "/lieux/\(place)", "/lieux/\(place)/signaler"
                ] {
                    _ = try await site.get(uri, as: &visitor)
                }
                let results = try await site.get("/orienter/resultats?besoin=Aide+aux+d%C3%A9marches+administratives&ou=Raismes", as: &visitor)
                let sheet = try #require(results.html.firstMatch(of: /href="(\/orienter\/fiche\?[^"]+)"/)?.1)
                _ = try await site.get(String(sheet).replacingOccurrences(of: "&amp;", with: "&"), as: &visitor)
                let structure = try #require(try await site.get("/structures", as: &visitor).html.firstMatch(of: /href="(\/structures\/[^"]+)"/)?.1)
                _ = try await site.get(String(structure), as: &visitor)
                _ = try await site.post("/lieux/\(place)/signaler", [("categorie", "ferme"), ("message", "Fermé depuis septembre")], as: &visitor)
                // Signed in: a coordinator and an animateur, a cycle of two meetings, the first one held and closed
                var animateur = try await MeetingCycleTests.animateur(site)
                var coordinator = try await site.signIn("coordination@caph.fr")
                for uri in [
                    "/compte", "/compte/second-facteur", "/invitations", "/journal", "/personas/nouveau", "/personas/karima/modifier",
                    "/proposer-un-lieu?commune=59172", "/declarations", "/territoires/200042190/vigilance", "/territoires/200042190/desaccords",
                    "/lieux-manquants/nouveau?territoire=200042190&commune=59172&origine=diagnostic", "/cycles/nouveau?territoire=200042190",
                    "/orientations"
                ] {
                    _ = try await site.get(uri, as: &coordinator)
                }
                let declaration = try #require(try await site.database.declarations.list(.init()).first)
                _ = try await site.get("/declarations/\(declaration.id)", as: &coordinator)
                let (cycle, meetings) = try await MeetingCycleTests.cycle(site, &animateur, meetings: ["2023-01-12T09:30", "2023-02-02T09:30"])
                let code = try await MeetingCycleTests.open(site, &animateur, meeting: meetings[0])
                var phone = try await MeetingCycleTests.phone(site, code: code, name: "Nadia")
                _ = try await site.get("/rencontres/\(meetings[0])/atelier", as: &phone)
                _ = try await site.post(
                    "/rencontres/\(meetings[0])/atelier",
                    [
                        ("table", "59491"), ("type", "ressource"), ("texte", "Le CCAS accompagne"),
                        ("cle", "carte-1")
                    ], as: &phone)
                for uri in ["/rencontres/\(meetings[0])/atelier", "/rencontres/\(meetings[0])/atelier?vue=projection"] {
                    _ = try await site.get(uri, as: &animateur)
                }
                _ = try await site.post("/rencontres/\(meetings[0])/atelier/etat", [("etat", "clos")], as: &animateur)
                for uri in [
                    "/cycles/\(cycle)", "/cycles/\(cycle)/rencontres/nouvelle", "/rencontres/\(meetings[0])", "/rencontres/\(meetings[0])/modifier",
                    "/rencontres/\(meetings[0])/compte-rendu", "/rencontres/\(meetings[1])/evolution", "/cycles/\(cycle)/compte-rendu"
                ] {
                    _ = try await site.get(uri, as: &animateur)
                }
                let invitation = try await site.post(
                    "/invitations", [("email", "nouvelle@exemple.fr"), ("role", "participant"), ("territoire", "200042190")],
                    as: &coordinator)
                let link = try #require(invitation.html.firstMatch(of: /\/invitation\/[A-Za-z0-9_-]{43}/)?.0)
                var invited = Browser()
                _ = try await site.get(String(link), as: &invited)
            }
        }

        // Act
        let check = TemplateKeyCheck(sources: try Self.sources())
        var misses: Set<TemplateKeyCheck.Miss> = []
        for sample in samples.all {
            misses.formUnion(check.misses(template: sample.page.template.rawValue, model: sample).misses)
        }
        // Check: no key is missing; every page template was sampled, but those this walk cannot reach
        #expect(misses.isEmpty, "\(misses.map(\.description).sorted().joined(separator: "\n"))")
        let partials = Set(try Self.sources().values.flatMap { $0.matches(of: /\{\{[>]\s*([\w-]+)/).map { String($0.1) } } + ["layout"])
        let rendered = Set(samples.all.map(\.page.template.rawValue))
        let notSampled = Set(TemplateName.allCases.map(\.rawValue)).subtracting(partials).subtracting(rendered)
        // Not reached by this walk: `recovery-codes` follows a second factor's activation (a TOTP code to compute) and
        // `missing-territory` is the home page of a site whose territory is not loaded. Listed, so that a new page is
        // not left out silently.
        #expect(notSampled == ["recovery-codes", "missing-territory"], "non rendus : \(notSampled.sorted())")
    }

    /// The pages rendered during the walk.
    final class Samples: @unchecked Sendable {
        private let lock = NSLock()
        private var samples: [Sample] = []
        func add(_ sample: Sample) { lock.withLock { samples.append(sample) } }
        var all: [Sample] { lock.withLock { samples } }
    }

    /// A page model as its template reads it: the model's own fields, and the layout's `site`, `visitor` and `shell`.
    struct Sample: CustomReflectable {
        let page: any PageModel
        let tree: [String: Any]
        var customMirror: Mirror {
            let own = Mirror(reflecting: page).children.filter { $0.label != nil }
            let layout = ["site", "visitor", "shell"].compactMap { key in tree[key].map { (label: Optional(key), value: $0) } }
            return Mirror(self, children: Array(own) + layout.map { Mirror.Child(label: $0.label, value: $0.value) }, displayStyle: .struct)
        }
    }
}
