import Foundation
import HummingbirdTesting
import MaillageTestSupport
import Testing

@Suite("Diagnostic page", .serialized)
struct DiagnosticPageTests {
    @Test func theCAPHDiagnosticShowsFiguresMapMatrixGapsAndAssumptions() async throws {
        try await withApp { client in
            let (status, html) = try await page(client, "/diagnostic?epci=200042190&besoin=service-3")
            #expect(status == 200)
            #expect(html.contains("Diagnostic territorial : CA de la Porte du Hainaut"))
            #expect(html.contains("<strong>47</strong> communes"))
            #expect(html.contains("<title id=\"map-title\">Couverture : Insertion professionnelle via le numérique</title>"))
            #expect(html.contains("class=\"commune cov-territoire-voisin\""))
            #expect(html.matches(of: /<tr><th scope="row"><a href="\/diagnostic\/communes\/\d{5}\?epci=200042190">/).count == 47)
            #expect(html.contains("Lieux manquants (classés)"))
            #expect(html.contains("Distances à vol d&#39;oiseau multipliées par 1,3"))
            #expect(html.contains("/api/v1/diagnostic.csv?epci=200042190"))
            #expect(html.contains("/api/v1/diagnostic.csv?epci=200042190&amp;dialecte=standard"))
        }
    }

    @Test func aCommunePageGivesEachNeedItsNearestAnswerAndAccessTimes() async throws {
        try await withApp { client in
            // Avesnes-le-Sec has no place: its nearest help with procedures is the CCAS of Haspres, 3.5 km away (at its
            // commune's point); 3.46 km × 1.3 at 4.5 km/h is 60 minutes on foot.
            let (status, html) = try await page(client, "/diagnostic/communes/59038")
            #expect(status == 200)
            #expect(html.contains("<h1>Diagnostic de Avesnes-le-Sec</h1>"))
            #expect(html.contains("Commune du périmètre « CA de la Porte du Hainaut »"))
            let rows = html.matches(of: /<tr><th scope="row">/).count
            #expect(rows == 20)  // 9 services, 2 time lenses, 6 specific supports, 3 modalities
            let row = try #require(
                html.components(separatedBy: "<tr>").first { $0.hasPrefix("<th scope=\"row\">Aide aux démarches administratives</th>") })
            #expect(row.contains("Haspres"))
            #expect(!row.contains("(hors périmètre)"))
            #expect(row.contains("3,5 km"))
            #expect(row.contains("1 h") || row.contains("60 min"))
            #expect(html.contains("rang "))
            #expect(html.contains("<title id=\"map-title\">Réponses les plus proches depuis Avesnes-le-Sec</title>"))
        }
    }

    @Test func thePlacementProposalAnswersTheChosenServiceAndCount() async throws {
        try await withApp { client in
            // No place of CAPH offers "Insertion professionnelle via le numérique": two new places, 20 minutes by bus.
            let (status, html) = try await page(client, "/diagnostic?epci=200042190&placer=service-3&k=2&minutes=20")
            #expect(status == 200)
            let section = try #require(html.split(separator: "id=\"titre-placement\"").last?.split(separator: "</section>").first)
            #expect(section.contains("Insertion professionnelle via le numérique"))
            #expect(section.contains("couverture pondérée : 0 %"))
            #expect(section.matches(of: /<li><strong><a href="\/diagnostic\/communes\/\d{5}\?epci=200042190">/).count == 2)
            #expect(section.contains("value=\"2\""))
        }
    }

    @Test func theDiagnosticPagesNameEachMeaningOfReachTheyShow() async throws {
        try await withApp { client in
            // Act: the diagnostic of CAPH with a placement within 20 minutes, and the page of La Sentinelle
            let (_, html) = try await page(client, "/diagnostic?epci=200042190&placer=service-8&k=1&minutes=20")
            let (_, commune) = try await page(client, "/diagnostic/communes/59564")
            // Check: the summary, the key figure and the assumptions say the diagnostic's meaning; the placement says its
            // own, which counts neighbouring territories; no bare « à portée » is left for either
            let summary = try #require(html.split(separator: "id=\"titre-synthese\"").last?.split(separator: "</section>").first)
            #expect(summary.contains("<th scope=\"col\" class=\"num\">à portée en bus dans le périmètre (30 min au plus)</th>"))
            #expect(html.contains("services dans la commune ou à portée en bus dans le périmètre pour tous les habitants"))
            #expect(html.contains("« à portée en bus dans le périmètre » : une réponse du périmètre à 30 min en bus au plus."))
            let placement = try #require(html.split(separator: "id=\"titre-placement\"").last?.split(separator: "</section>").first)
            #expect(
                placement.contains(
                    "Accès internet et matériel informatique</strong>, à portée en bus, y compris dans un territoire voisin (20 min au plus) : couverture pondérée"
                ))
            #expect(!html.contains("à portée dans le périmètre") && !html.contains("déjà à portée"))
            #expect(commune.contains("services dans la commune ou à portée en bus dans le périmètre"))
        }
    }

    @Test func theQPVLensListsTheNeighbourhoodsOfThePerimeter() async throws {
        try await withApp { client in
            let (_, html) = try await page(client, "/diagnostic?epci=200042190")
            let section = try #require(html.split(separator: "id=\"titre-qpv\"").last?.split(separator: "</section>").first)
            #expect(section.contains("QP059"))
            #expect(section.contains("Denain"))
        }
    }

    @Test func theStandaloneReportInlinesItsStylesheet() async throws {
        try await withApp { client in
            try await client.execute(uri: "/diagnostic.html?communes=59526,59172,59491", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"diagnostic.html\"")
                #expect(html.contains("<style>"))
                #expect(html.contains(".skip-link"))
                #expect(!html.contains("<link rel=\"stylesheet\""))
                #expect(html.contains("Diagnostic territorial : Saint-Amand-les-Eaux, Denain, Raismes"))
            }
        }
    }

    @Test func theFocusCommunesAreAPerimeterAndExportsDownload() async throws {
        try await withApp { client in
            let (_, html) = try await page(client, "/diagnostic?communes=59526,59172,59491")
            #expect(html.contains("Saint-Amand-les-Eaux, Denain, Raismes"))
            try await client.execute(uri: "/api/v1/diagnostic.csv?communes=59526,59172,59491", method: .get) { response in
                let bytes = Array(Data(buffer: response.body))
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
                #expect(String(decoding: bytes, as: UTF8.self).contains("\"59172\";\"Denain\""))
            }
            try await client.execute(uri: "/api/v1/diagnostic.csv?communes=59526,59172,59491&dialecte=standard", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(!text.hasPrefix("\u{FEFF}"))
                #expect(text.hasPrefix("\"code_insee\",\"commune\""))
                #expect(text.contains("\"59172\",\"Denain\""))
            }
            try await client.execute(uri: "/api/v1/diagnostic.csv?dialecte=%3Cscript%3E", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(!String(buffer: response.body).contains("<script>"))
            }
            try await client.execute(uri: "/api/v1/diagnostic.geojson?epci=200042190", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((object?["features"] as? [Any])?.count == 47)
            }
        }
    }

    @Test(arguments: [
        "/diagnostic?epci=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/diagnostic?besoin=%3Cscript%3Ealert(1)",
        "/diagnostic?communes=" + String(repeating: "59172,", count: 2_000), "/diagnostic?communes=%E2%80%AE59172x",
        "/diagnostic?placer=%3Cscript%3Ealert(1)", "/diagnostic?k=1000", "/diagnostic?minutes=-5",
        "/diagnostic/communes/59526?communes=59172"
    ])
    func badPerimetersGetA400WithoutEchoingScript(uri: String) async throws {
        try await withApp { client in
            let (status, html) = try await page(client, uri)
            #expect(status == 400)
            #expect(!html.contains("<script>alert"))
        }
    }

    @Test(arguments: [
        "/diagnostic/communes/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/diagnostic/communes/" + String(repeating: "9", count: 10_000),
        "/diagnostic/communes/%E2%80%AE5917%CC%81"
    ])
    func unknownCommunesGetA404WithoutEchoingScript(uri: String) async throws {
        try await withApp { client in
            let (status, html) = try await page(client, uri)
            #expect(status == 404)
            #expect(!html.contains("<script>alert"))
        }
    }
}
