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
            #expect(html.matches(of: /<tr><th scope="row"><a href="\/communes\/\d{5}">/).count == 47)
            #expect(html.contains("Lieux manquants (classés)"))
            #expect(html.contains("Distances à vol d&#39;oiseau multipliées par 1,3"))
            #expect(html.contains("/api/v1/diagnostic.csv?epci=200042190"))
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
            try await client.execute(uri: "/api/v1/diagnostic.geojson?epci=200042190", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((object?["features"] as? [Any])?.count == 47)
            }
        }
    }

    @Test(arguments: ["/diagnostic?epci=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/diagnostic?besoin=%3Cscript%3Ealert(1)",
                      "/diagnostic?communes=" + String(repeating: "59172,", count: 2_000), "/diagnostic?communes=%E2%80%AE59172"])
    func badPerimetersGetA400WithoutEchoingScript(uri: String) async throws {
        try await withApp { client in
            let (status, html) = try await page(client, uri)
            #expect(status == 400)
            #expect(!html.contains("<script>alert"))
        }
    }
}
