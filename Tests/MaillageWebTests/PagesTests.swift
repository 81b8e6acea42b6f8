import Foundation
import HummingbirdTesting
import MaillageCore
import MaillageTestSupport
import MaillageWeb
import Testing

/// Reads a page's HTML.
func page(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: Int, html: String) {
    try await client.execute(uri: uri, method: .get) { (Int($0.status.code), String(buffer: $0.body)) }
}

/// Percent-encodes a value for a query string.
func q(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

@Suite("Pages: search, place, commune, territory, orientation", .serialized)
struct PagesTests {
    static let hostile = ["\"><script>alert(1)</script>", String(repeating: "x", count: 10_000), "\u{202E}تست\u{0301}\u{0301}e\u{0300}"]

    @Test func aSearchKeepsItsFiltersAndShowsListMapAndExports() async throws {
        try await withApp { client in
            let uri = "/recherche?ou=Raismes&services=\(q("Aide aux démarches administratives"))&frais_a_charge=Gratuit&sur_place=1"
            let (status, html) = try await page(client, uri)
            #expect(status == 200)
            #expect(html.contains("autour de Raismes (59491)"))
            #expect(html.contains("propose « Aide aux démarches administratives »"))
            #expect(html.contains("value=\"Aide aux démarches administratives\" checked"))
            #expect(html.contains("<svg") && html.contains("<title id=\"map-title\">Carte des résultats</title>"))
            #expect(html.contains("/api/v1/recherche.csv?ou=Raismes"))
            #expect(html.contains("Ne convient pas : frais non renseignés"))
        }
    }

    @Test func headlineCountsAndResultsCountAPlaceAsHelpOnlyForWhatItDeclares() async throws {
        try await withApp { client in
            let (_, home) = try await page(client, "/")
            #expect(home.contains("47 communes"))
            #expect(home.contains("16 lieux déclarent une offre d&#39;aide au numérique · 36 lieux recensés sans offre déclarée"))
            let (_, territory) = try await page(client, "/territoires/200042190")
            #expect(territory.contains("16 lieux déclarent une offre"))
            // Around Raismes without a criterion, its municipal library (national file, no service declared) is listed apart.
            let api = try await client.execute(uri: "/api/v1/recherche?ou=Raismes&per_page=100", method: .get) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as! [String: Any]
            }
            let results = try #require(api["results"] as? [[String: Any]])
            let recorded = try #require(api["recorded_only_results"] as? [[String: Any]])
            let services = { (item: [String: Any]) in ((item["place"] as? [String: Any])?["services"] as? [String]) ?? [] }
            let id = { (item: [String: Any]) in (item["place"] as? [String: Any])?["id"] as? String }
            #expect(!results.isEmpty && results.allSatisfy { !services($0).isEmpty })
            #expect(recorded.allSatisfy { services($0).isEmpty })
            #expect(recorded.contains { id($0) == "bibliotheques-2547" } && !results.contains { id($0) == "bibliotheques-2547" })
            let (_, search) = try await page(client, "/recherche?ou=Raismes")
            #expect(search.contains("lieux recensés, offre non déclarée"))
            let (_, commune) = try await page(client, "/communes/59491")
            #expect(commune.contains("lieu recensé, offre non déclarée") || commune.contains("lieux recensés, offre non déclarée"))
        }
    }

    @Test func aCommuneIsFoundAsPeopleTypeIt() async throws {
        try await withApp { client in
            // « Saint-Amand »: four communes of CAPH hold those words; the town is searched, the others offered.
            let (_, saintAmand) = try await page(client, "/recherche?ou=Saint-Amand")
            #expect(saintAmand.contains("autour de Saint-Amand-les-Eaux (59526)"))
            #expect(saintAmand.contains("communes correspondent à « Saint-Amand »"))
            for other in ["Lieu-Saint-Amand", "Thun-Saint-Amand", "Bruille-Saint-Amand"] { #expect(saintAmand.contains(">\(other) ("), "\(other)") }
            // « St Amand les Eaux », without accents or hyphens: the exact commune, nothing to explain.
            let (_, abbreviated) = try await page(client, "/recherche?ou=st+amand+les+eaux")
            #expect(abbreviated.contains("autour de Saint-Amand-les-Eaux (59526)") && !abbreviated.contains("compris comme"))
            // A typo.
            let (_, typo) = try await page(client, "/recherche?ou=Raimes")
            #expect(typo.contains("autour de Raismes (59491)") && typo.contains("« Raimes » compris comme Raismes."))
            // A postal code shared by several communes: the most likely, the others offered.
            let (_, shared) = try await page(client, "/recherche?ou=59230")
            #expect(shared.contains("autour de Saint-Amand-les-Eaux (59526)") && shared.contains("Autres communes possibles"))
            // Nothing close: the typed text stays in the form to be corrected.
            let (status, nothing) = try await page(client, "/recherche?ou=Zzyzxqw")
            #expect(status == 400 && nothing.contains("value=\"Zzyzxqw\""))
            // Suggestions as one types, without JavaScript: the covered communes in a datalist.
            #expect(nothing.contains("<datalist id=\"communes-couvertes\">") && nothing.contains("<option value=\"Raismes\">"))
            // One spelling per commune, the one INSEE writes with its article and ligature; found without them too.
            #expect(nothing.contains("<option value=\"La Sentinelle\">") && nothing.contains("<option value=\"Rœulx\">"))
            #expect(!nothing.contains("<option value=\"Sentinelle\">"))
            let (_, withoutArticle) = try await page(client, "/recherche?ou=Sentinelle")
            #expect(withoutArticle.contains("autour de La Sentinelle (59564)"))
            let (_, withoutLigature) = try await page(client, "/recherche?ou=Roeulx")
            #expect(withoutLigature.contains("autour de Rœulx (59504)"))
        }
    }

    @Test func aSearchWithoutLocalAnswerSaysSoAndShowsNeighbours() async throws {
        try await withApp { client in
            let (_, html) = try await page(client, "/recherche?ou=Denain&services=\(q("Insertion professionnelle via le numérique"))")
            #expect(html.contains("Aucun lieu ne convient à tous les critères dans CA de la Porte du Hainaut"))
            #expect(html.contains("Dans les territoires voisins"))
        }
    }

    @Test func aNameWithoutAccentsOrWithAPostalCodeFindsTheCommune() async throws {
        try await withApp { client in
            let byName = try await page(client, "/recherche?ou=saint+amand+les+eaux")
            #expect(byName.html.contains("autour de Saint-Amand-les-Eaux (59526)"))
            let byPostalCode = try await page(client, "/recherche?ou=59220")
            #expect(byPostalCode.html.contains("autour de Denain (59172)"))
        }
    }

    @Test(arguments: [
        "/recherche?services=Jardinage", "/recherche?rayon_km=5000", "/recherche?lat=abc&lon=3", "/recherche?lat=50",
        "/recherche?jour=funday&heure=10:00", "/recherche?ou=\(q("\"><script>alert(1)</script>"))",
        "/recherche?ou=" + String(repeating: "a", count: 10_000)
    ])
    func badSearchesGetA400PageThatEchoesNothingDangerous(uri: String) async throws {
        try await withApp { client in
            let (status, html) = try await page(client, uri)
            #expect(status == 400)
            #expect(html.contains("Recherche invalide"))
            #expect(!html.contains("<script>alert"))
            #expect(html.count < 60_000)
        }
    }

    @Test(arguments: hostile)
    func hostileTextInEveryFieldIsEscaped(text: String) async throws {
        try await withApp { client in
            for name in ["ou", "commune", "services", "jour", "heure", "lieu", "besoin", "mobilite"] {
                for path in ["/recherche", "/orienter/resultats", "/orienter/fiche", "/api/v1/recherche"] {
                    try await client.execute(uri: "\(path)?\(name)=\(q(text))", method: .get) { response in
                        #expect(response.status.code < 500, "\(path) \(name)")
                        // pages escape what they show; the API answers JSON, which no browser runs as HTML
                        let isJSON = response.headers[.contentType]?.hasPrefix("application/json") == true
                        #expect(isJSON || !String(buffer: response.body).contains("<script>alert"), "\(path) \(name)")
                    }
                }
            }
        }
    }

    @Test func aPlacePageShowsEveryFactWithItsSourceAndTheWeek() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/lieux/france-services-1")
            #expect(status == 404)
            #expect(html.contains("Ce lieu n&#39;existe pas ou plus."))
            let (_, list) = try await page(client, "/communes/59002")
            let link = try #require(list.firstMatch(of: /href="(\/lieux\/france-services-[0-9]+)"/)?.1)
            let (ok, place) = try await page(client, String(link))
            #expect(ok == 200)
            #expect(place.contains("<h1>France services Abscon</h1>"))
            #expect(place.contains("Semaine type") && place.contains("<th scope=\"row\">Lundi</th>"))
            #expect(place.contains("Ouvert maintenant") || place.contains("Fermé maintenant"))
            #expect(place.contains("France Services (ANCT)") && place.contains("Aidants Connect"))
            #expect(place.contains("Complétude de la fiche"))
            #expect(place.contains("Pourquoi ces fiches ont été fusionnées"))
        }
    }

    @Test func aCommunePageGivesTheNearestPlaceForEachService() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/communes/59038")
            #expect(status == 200)
            #expect(html.contains("<h1>Avesnes-le-Sec <span class=\"code\">(59038)</span></h1>"))
            #expect(html.contains("Aucun lieu recensé dans la commune."))
            #expect(
                html.matches(
                    of:
                        /<th scope="row">(Aide aux démarches|Maîtrise|Insertion|Utilisation|Parentalité|Loisirs|Compréhension|Accès internet|Acquisition)/
                ).count == 9)
            #expect(html.contains("Indice de fragilité numérique"))
            // Quartiers prioritaires are named by what the 2015 list gives (code, communes, population), never a bare code.
            let (_, raismes) = try await page(client, "/communes/59491")
            #expect(raismes.contains("quartiers prioritaires (liste 2015) : "))
            #expect(raismes.contains("QP059059, partagé avec Bellaing et Wallers ("))
            #expect(raismes.contains("Les données ouvertes utilisées donnent leur code, pas leur nom."))
            let unknown = try await page(client, "/communes/99999")
            #expect(unknown.status == 404)
            let hostile = try await page(client, "/communes/%22%3E%3Cscript%3E")
            #expect(hostile.status == 404)
        }
    }

    @Test func aTerritoryPageCountsPlacesPerService() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/territoires/200042190")
            #expect(status == 200)
            #expect(html.contains("<h1>CA de la Porte du Hainaut</h1>"))
            #expect(html.contains("Insertion professionnelle via le numérique</th><td class=\"num\">0 <span class=\"tag\">aucun</span>"))
            #expect(html.contains("href=\"/communes/59172\">Denain</a>"))
            let unknownTerritory = try await page(client, "/territoires/123")
            #expect(unknownTerritory.status == 404)
        }
    }

    @Test func theGuidedOrientationAnswersAndPrintsASheet() async throws {
        try await withApp { client in
            let (formStatus, form) = try await page(client, "/orienter")
            #expect(formStatus == 200 && form.contains("faire une démarche en ligne"))
            let uri = "/orienter/resultats?besoin=\(q("Aide aux démarches administratives"))&ou=Raismes&equipement=aucun&mobilite=bus&gratuit=1"
            let (status, results) = try await page(client, uri)
            #expect(status == 200)
            #expect(results.contains("pour une personne de Raismes (59491)"))
            #expect(results.contains("équipement : aucun appareil"))
            let sheetLink = try #require(results.firstMatch(of: /href="(\/orienter\/fiche\?[^"]+)"/)?.1)
            let (sheetStatus, sheet) = try await page(client, String(sheetLink).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(sheetStatus == 200)
            #expect(sheet.contains("Fiche d&#39;orientation"))
            #expect(sheet.contains("À apporter") && sheet.contains("une pièce d&#39;identité"))
            #expect(sheet.contains("Comment y aller"))
            let (missing, page400) = try await page(client, "/orienter/resultats?ou=Raismes")
            #expect(missing == 400 && page400.contains("choisissez au moins un besoin"))
        }
    }

    @Test func thePersonsAgeBandIsAskedKeptAndSaid() async throws {
        try await withApp { client in
            let (_, form) = try await page(client, "/orienter")
            #expect(form.contains("Quel âge a-t-elle ?") && form.contains("value=\"60-et-plus\""))
            // A senior of Denain: the band is in the situation, kept in the form and carried to the sheet.
            let (status, results) = try await page(
                client, "/orienter/resultats?besoin=\(q("Aide aux démarches administratives"))&ou=Denain&age=60-et-plus")
            #expect(status == 200)
            #expect(results.contains("60 ans et plus"))
            #expect(results.contains("id=\"age-60-et-plus\" name=\"age\" value=\"60-et-plus\" checked"))
            // CAPH's places name no specific public: each one receives everyone and says so.
            #expect(results.contains("accueille tout public"))
            let sheetLink = try #require(results.firstMatch(of: /href="(\/orienter\/fiche\?[^"]+)"/)?.1)
            #expect(sheetLink.contains("age=60-et-plus"))
            let (bad, badPage) = try await page(client, "/orienter/resultats?besoin=\(q("Aide aux démarches administratives"))&ou=Denain&age=99")
            #expect(bad == 400 && badPage.contains("moins-de-26, 26-59, 60-et-plus"))
        }
    }

    @Test func aSheetNeverPromisesAnAccessOrHoursNoSourceGives() async throws {
        try await withApp { client in
            // The CCAS of Raismes (Aidants Connect file) declares neither access modes, hours, telephone nor e-mail.
            let (status, sheet) = try await page(
                client, "/orienter/fiche?lieu=aidants-connect-5817&ou=Raismes&besoin=\(q("Aide aux démarches administratives"))")
            #expect(status == 200)
            #expect(sheet.contains("CCAS de Raismes"))
            #expect(
                sheet.contains(
                    "Les conditions d&#39;accueil (avec ou sans rendez-vous) ne sont pas renseignées : se renseigner auprès de la mairie de Raismes avant de venir."
                ))
            #expect(sheet.contains("Horaires à confirmer : se renseigner auprès de la mairie de Raismes avant de venir."))
            #expect(!sheet.contains("sans rendez-vous.") && !sheet.contains("par téléphone"))
            #expect(sheet.contains("Remise le ") && sheet.contains("Rendez-vous"))
            #expect(!sheet.contains(" 0 m"))
            // A QR code of the place's page, for the person's phone: the modules drawn are the encoder's for that address.
            let url = try #require(sheet.firstMatch(of: /scanner le code ou aller sur (\S+\/lieux\/aidants-connect-5817)<\/figcaption>/)?.1)
            let drawn = try #require(sheet.firstMatch(of: /<svg[^>]*class="qr"[^>]*>.*?<path fill="#000" d="([^"]*)"\/><\/svg>/)?.1)
            let squares = drawn.matches(of: /M(\d+) (\d+)h1v1h-1z/).map { (Int($0.2)! - 4, Int($0.1)! - 4) }
            let code = try QRCode(text: String(url))
            let dark = code.modules.indices.flatMap { row in code.modules[row].indices.filter { code.modules[row][$0] }.map { (row, $0) } }
            #expect(squares.count == dark.count && zip(squares, dark).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })
        }
    }

    @Test func aSignedInMembersSheetNamesThemAndTheirStructure() async throws {
        try await TestSite.with { site in
            // Setup: a member of the structure of Raismes's CCAS (found from the place's page).
            var visitor = Browser()
            let place = try await site.get("/lieux/aidants-connect-5817", as: &visitor)
            let structure = try #require(place.html.firstMatch(of: /href="\/structures\/([^"]+)"/)?.1)
            try await site.account("claire@ccas-raismes.fr", [RoleGrant(role: .membre, scope: .structure(String(structure)))!])
            var member = try await site.signIn("claire@ccas-raismes.fr")
            // Act
            let sheet = try await site.get(
                "/orienter/fiche?lieu=aidants-connect-5817&ou=Raismes&besoin=\(q("Aide aux démarches administratives"))", as: &member)
            let anonymous = try await site.get(
                "/orienter/fiche?lieu=aidants-connect-5817&ou=Raismes&besoin=\(q("Aide aux démarches administratives"))", as: &visitor)
            // Check: the referrer and their structure are printed; a visitor gets lines to fill in.
            #expect(sheet.html.contains("par <strong>Claire</strong>, structure : <strong>"))
            #expect(!sheet.html.contains("structure à compléter"))
            #expect(anonymous.html.contains("nom à compléter") && anonymous.html.contains("structure à compléter"))
        }
    }

    @Test func everyPageHasTheTerritorysHeaderNavigationAndFooter() async throws {
        try await withApp { client in
            // The header names the territory presented; the current section is marked; the footer links the pages a
            // public-service site has.
            let (_, search) = try await page(client, "/recherche?ou=Denain")
            #expect(search.contains("<p class=\"brand\"><a href=\"/\">CA de la Porte du Hainaut</a>"))
            #expect(search.contains("<a href=\"/recherche\" aria-current=\"page\">Trouver de l&#39;aide</a>"))
            #expect(search.contains("<a href=\"/orienter\">Orienter une personne</a>"))
            for link in ["/mentions-legales", "/accessibilite", "/donnees-personnelles", "/plan-du-site", "/contact"] {
                #expect(search.contains("href=\"\(link)\""), "\(link)")
                let (status, html) = try await page(client, link)
                #expect(status == 200, "\(link)")
                #expect(html.contains("<h1>"), "\(link)")
            }
            let (_, accessibility) = try await page(client, "/accessibilite")
            #expect(accessibility.contains("<strong>Ce site est non conforme</strong>"))
            let (_, siteMap) = try await page(client, "/plan-du-site")
            #expect(siteMap.matches(of: /<li><a href="\/communes\/\d{5}">/).count == 47)
            #expect(siteMap.contains("<a href=\"/communes/59526\">Saint-Amand-les-Eaux</a>"))
            // Without configuration the legal notice says what is missing instead of inventing a publisher.
            let (_, legal) = try await page(client, "/mentions-legales")
            #expect(legal.contains("option <code>--publisher</code>"))
        }
    }

    @Test func everyPageButTheHomeSaysWhereItIsInABreadcrumbTrail() async throws {
        try await withApp { client in
            func trail(_ html: String) -> [String] {
                guard let nav = html.firstMatch(of: /<nav class="breadcrumb" aria-label="Fil d'Ariane"><ol>(.*?)<\/ol><\/nav>/) else { return [] }
                return nav.1.matches(of: /<li>(?:<a href="([^"]*)">|<span aria-current="page">)([^<]*)</).map {
                    "\($0.2)\($0.1.map { " " + $0 } ?? "")"
                }
            }
            let (_, home) = try await page(client, "/")
            #expect(trail(home).isEmpty)
            // A place: its section, its commune, itself (the last step is the page, not a link).
            let (_, place) = try await page(client, "/lieux/aidants-connect-5817")
            #expect(trail(place) == ["Accueil /", "Trouver de l&#39;aide /recherche", "Raismes /communes/59491", "CCAS de Raismes"])
            // A commune's diagnostic: the perimeter's diagnostic, then the commune (the section's word not repeated).
            let (_, diagnostic) = try await page(client, "/diagnostic/communes/59491?epci=200042190")
            #expect(
                trail(diagnostic) == [
                    "Accueil /", "Diagnostic /diagnostic?epci=200042190",
                    "CA de la Porte du Hainaut /diagnostic?epci=200042190", "Raismes"
                ])
            // A journey: the workshops, the persona, the journey.
            let (_, journey) = try await page(client, "/personas/karima/parcours")
            #expect(trail(journey).first == "Accueil /" && trail(journey).contains("Karima /personas/karima"))
            // An information page outside the sections.
            let (_, contact) = try await page(client, "/contact")
            #expect(trail(contact) == ["Accueil /", "Contact"])
        }
    }

    @Test func theSitesIdentityIsConfiguration() async throws {
        let identity = SiteIdentity(
            name: "Réseau des aidants du Hainaut", publisher: "Hubs du Nord, \"direction\" <b>", contact: "contact@exemple.fr",
            host: "Hébergeur SAS, 1 rue de l'Exemple, 59000 Lille")
        try await withApp(identity: identity) { client in
            let (_, home) = try await page(client, "/")
            #expect(home.contains("<p class=\"brand\"><a href=\"/\">Réseau des aidants du Hainaut</a>"))
            let (_, legal) = try await page(client, "/mentions-legales")
            #expect(legal.contains("Hubs du Nord, &quot;direction&quot; &lt;b&gt;"))
            #expect(legal.contains("Hébergeur SAS"))
            let (_, contact) = try await page(client, "/contact")
            #expect(contact.contains("<a href=\"mailto:contact@exemple.fr\">contact@exemple.fr</a>"))
            // No logo configured: none shown, none served.
            #expect(!home.contains("brand-logo"))
            #expect(try await page(client, "/logo").status == 404)
        }
    }

    @Test func aLogoIsAnImageTheSiteServesBeforeItsName() async throws {
        // Setup: an SVG logo; files that are not images are refused with what was expected.
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#.utf8)
        let identity = SiteIdentity(logo: try SiteIdentity.Logo(bytes: svg))
        #expect(throws: SiteIdentity.LogoError.self) { try SiteIdentity.Logo(bytes: Array("name,commune\n".utf8)) }
        #expect(throws: SiteIdentity.LogoError.self) {
            try SiteIdentity.Logo(bytes: [0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 300_000))
        }
        #expect(try SiteIdentity.Logo(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]).contentType == "image/png")
        try await withApp(identity: identity) { client in
            let (_, home) = try await page(client, "/")
            #expect(home.contains("<a href=\"/\"><img class=\"brand-logo\" src=\"/logo\" alt=\"\" height=\"48\">CA de la Porte du Hainaut</a>"))
            try await client.execute(uri: "/logo", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                // An SVG could hold script: it is served sandboxed.
                #expect(response.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
                #expect(Array(response.body.readableBytesView) == svg)
            }
        }
    }
}
