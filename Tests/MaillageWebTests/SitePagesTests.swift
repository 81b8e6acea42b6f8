import Foundation
import HTTPTypes
import HummingbirdTesting
import MaillageCore
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// The navigation, the footer, the templates' links and the accessibility check's list are all made from `SiteURL`:
/// nothing lets a page be left out of the check, and the navigation's facts hold together.
@Suite("Site pages: the navigation and the accessibility list from SiteURL")
struct SitePagesTests {
    @Test func everyPageIsCheckedForAccessibilityOrSaysWhyNot() throws {
        // Setup: every GET route the site serves as an HTML page
        let pages = SiteURL.pageRoutes.compactMap { url in url.page.map { (url, $0) } }
        #expect(pages.count > 40)
        for (url, page) in pages {
            // Check: opened by the check at least once, or a reason, never both
            #expect(page.visits.isEmpty == (page.unchecked != nil), "\(url.template) : ni adresse vérifiée ni raison")
            // and every address opened is this route's (parameters filled, literals as the route says)
            for visit in page.visits {
                let segments = visit.path.split(separator: "?")[0].split(separator: "/", omittingEmptySubsequences: false).dropFirst()
                let components = url.components
                let matches =
                    segments.count == max(components.count, 1)
                    && zip(segments, components).allSatisfy { segment, component in
                        if case .literal(let text) = component { segment == text } else { !segment.isEmpty }
                    }
                #expect(matches || (components.isEmpty && visit.path.hasPrefix("/")), "\(visit.path) n'est pas une adresse de \(url.template)")
            }
        }
        let names = SiteURL.accessibilityVisits.map(\.name)
        #expect(Set(names).count == names.count)  // one screenshot per name
    }

    @Test func theAccessibilityListIsTheVisitsOfSiteURLAsJSON() throws {
        // Act: what `maillage pages` prints for the script
        let listed = try JSONDecoder().decode([SitePage.Visit].self, from: Data(try AccessibilityList.json().utf8))
        // Check
        #expect(listed == SiteURL.accessibilityVisits)
        #expect(listed.contains(SitePage.Visit("parcours", "/personas/karima/parcours")))
        #expect(listed.contains(SitePage.Visit("erreur", "/recherche?services=Jardinage", status: 400)))
        #expect(listed.contains(SitePage.Visit("tableau-participant", "/rencontres/1/atelier", as: .participant, needsMeeting: true)))
    }

    @Test func theNavigationFactsHoldTogether() throws {
        let templates = try FileManager.default.subpathsOfDirectory(
            atPath: TestData.repository.appendingPathComponent("Sources/MaillageWeb/Templates").path
        )
        .filter { $0.hasSuffix(".mustache") }.map { String($0.split(separator: "/").last!.dropLast(".mustache".count)) }
        let entries = SiteURL.navigation.map(\.url)
        // The five entries of the main navigation, in their order, each labelled once and open to anyone
        #expect(SiteURL.navigation.map(\.entry.label) == ["Trouver de l'aide", "Orienter une personne", "Diagnostic", "Ateliers", "Rencontres"])
        for url in entries {
            #expect(url.page?.section?.entry == url, "\(url.template) n'est pas dans sa propre rubrique")
            #expect(url.page?.visits.contains { $0.audience == .visitor } == true, "\(url.template) : une entrée que tout le monde voit")
            #expect(url.page?.entry?.summary.hasSuffix(".") == true)
        }
        // Every page under a section is under one of those entries, and names a real template
        for url in SiteURL.pageRoutes {
            guard let section = url.page?.section else { continue }
            #expect(entries.contains(section.entry), "\(url.template) est sous \(section.entry.template), qui n'est pas une entrée")
            #expect(templates.contains(section.view.rawValue), "\(url.template) : pas de gabarit « \(section.view.rawValue) »")
        }
        // Only GET pages have navigation facts
        for route in SiteURL.routes where route.method != .get {
            #expect(SiteURL.pageRoutes.contains(route.url) || route.url.page == nil, "\(route.url.template) n'a pas de page GET")
        }
    }

    @Test func everyLinkATemplateReadsIsARouteOfSiteURL() throws {
        // Setup: the `{{site.…}}` names the templates read
        let folder = TestData.repository.appendingPathComponent("Sources/MaillageWeb/Templates")
        var read = Set<String>()
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?site\.([A-Za-z]+)\}\}/) { read.insert(String(match.1)) }
        }
        // Check: each is a link of SiteLinks, made from SiteURL
        #expect(read.count > 20)
        #expect(read.subtracting(SiteLinks.tree.keys).isEmpty, "liens inconnus : \(read.subtracting(SiteLinks.tree.keys).sorted())")
        #expect(SiteLinks.tree["apiPlaces"] == "/api/v1/places" && SiteLinks.tree["newPersona"] == "/personas/nouveau")
    }

    @Test func theSampleAddressesOpenOnTheDemoTerritory() async throws {
        try await TestSite.with { site in
            // Setup: a coordinator of the demo territory
            try await site.account("coordination@exemple.fr", [RoleGrant(role: .coordinateur, scope: .territory(DemoTerritory.territory))!])
            var visitor = Browser()
            var coordinator = try await site.signIn("coordination@exemple.fr")
            // Act & check: every address the check opens before it makes its meeting is a page, for whom it is opened
            for visit in SiteURL.accessibilityVisits where !visit.needsMeeting {
                let status =
                    visit.audience == .visitor
                    ? try await site.get(visit.path, as: &visitor).status
                    : try await site.get(visit.path, as: &coordinator).status
                #expect(status == visit.status, "\(visit.name) \(visit.path) : \(status)")
            }
            // and what is not a page answers no HTML page
            for url in SiteURL.pageRoutes where url.page == nil && url.linkName != nil && url != .metrics {
                let (status, type) = try await site.client.execute(uri: url.path, method: .get) { ($0.status.code, $0.headers[.contentType] ?? "") }
                #expect(status != 200 || !type.hasPrefix("text/html"), "\(url.path) est une page HTML : donnez-lui SiteURL.page")
            }
        }
    }

    @Test func theFooterAndTheNavigationAreMadeFromSiteURL() async throws {
        try await TestSite.with { site in
            var visitor = Browser()
            // Act: a place's page
            let html = try await site.get(SiteURL.place(.value(DemoTerritory.place)).path, as: &visitor).html
            // Check: its section is current, every entry is there, and the footer's links in their order
            #expect(
                html.contains(#"<a href="/recherche" aria-current="page">Trouver de l&#39;aide</a>"#)
                    || html.contains(#"<a href="/recherche" aria-current="page">Trouver de l'aide</a>"#))
            #expect(html.contains(#"<a href="/diagnostic?epci=200042190">Diagnostic</a>"#))
            let footerHTML = try #require(html.firstMatch(of: /<ul class="footer-links">[\s\S]*?<\/ul>/)).0
            let footer = footerHTML.matches(of: /<a href="([^"]+)">/).map { String($0.1) }
            #expect(footer == SiteURL.pageRoutes.filter { $0.footerLabel != nil }.map(\.path))
            #expect(
                footer.filter {
                    !["/mentions-legales", "/accessibilite", "/donnees-personnelles", "/plan-du-site", "/contact", "/api/v1/places"].contains($0)
                }
                .count == footer.count - 6)
        }
    }
}
