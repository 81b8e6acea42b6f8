import Foundation
import HummingbirdTesting
import MaillageTestSupport
import Testing

@Suite("JSON API and its OpenAPI document", .serialized)
struct APITests {
    /// Fetches JSON and checks it against the OpenAPI schema of the route.
    func json(_ client: any TestClientProtocol, _ uri: String, schemaPath: String) async throws -> [String: Any] {
        let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) {
            try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as! [String: Any]
        }
        let validator = SchemaValidator(document: document)
        let schema = try #require(validator.responseSchema(for: schemaPath))
        return try await client.execute(uri: uri, method: .get) { response in
            #expect(response.status == .ok, "\(uri)")
            let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
            let problems = validator.violations(of: value, against: schema)
            #expect(problems.isEmpty, "\(uri): \(problems.prefix(5))")
            return value as? [String: Any] ?? [:]
        }
    }

    @Test func theOpenAPIDocumentIsServedAsOpenAPI31() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
                #expect((document?["paths"] as? [String: Any])?.keys.contains("/recherche") == true)
            }
        }
    }

    @Test func searchResponsesMatchTheDocumentAndCarryReasons() async throws {
        try await withApp { client in
            let body = try await json(
                client, "/api/v1/recherche?ou=Raismes&services=\(q("Aide aux démarches administratives"))&sur_place=1",
                schemaPath: "/recherche")
            let results = try #require(body["results"] as? [[String: Any]])
            #expect(!results.isEmpty)
            #expect((results.first?["reasons"] as? [String])?.first == "propose « Aide aux démarches administratives »")
            #expect((body["origin"] as? [String: Any])?["code_insee"] as? String == "59491")
            let none = try await json(
                client, "/api/v1/recherche?ou=Denain&services=\(q("Insertion professionnelle via le numérique"))",
                schemaPath: "/recherche")
            #expect(none["no_local_match"] as? Bool == true)
            #expect((none["neighbour_results"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func listsAndDetailsMatchTheDocument() async throws {
        try await withApp { client in
            _ = try await json(client, "/api/v1/places?epci=200042190&per_page=5", schemaPath: "/places")
            let communes = try await json(client, "/api/v1/communes?epci=200042190&per_page=100", schemaPath: "/communes")
            #expect((communes["data"] as? [Any])?.count == 47)
            let denain = try await json(client, "/api/v1/communes/59172", schemaPath: "/communes/{code}")
            #expect(denain["nom"] as? String == "Denain")
            _ = try await json(client, "/api/v1/territoires", schemaPath: "/territoires")
            let caph = try await json(client, "/api/v1/territoires/200042190", schemaPath: "/territoires/{siren}")
            #expect((caph["voisins"] as? [String])?.count == 6)
            #expect((caph["lieux_par_service"] as? [String: Int])?["Aide aux démarches administratives"] ?? 0 > 0)
        }
    }

    @Test func searchResultsDownloadAsStandardCSVAndGeoJSON() async throws {
        try await withApp { client in
            let query = "ou=Denain&services=\(q("Aide aux démarches administratives"))&rayon_km=5"
            try await client.execute(uri: "/api/v1/recherche.csv?\(query)", method: .get) { response in
                let csv = String(buffer: response.body)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(csv.hasPrefix("\"id\",\"pivot\",\"nom\",\"commune\",\"code_postal\""))
                #expect(csv.split(separator: "\r\n").count > 1)
            }
            try await client.execute(uri: "/api/v1/recherche.geojson?\(query)", method: .get) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(object?["type"] as? String == "FeatureCollection")
                #expect((object?["features"] as? [Any])?.isEmpty == false)
            }
        }
    }

    @Test func aCommuneCodeTheDocumentAllowsIsNeverAMalformedValue() async throws {
        try await withApp { client in
            // Setup: every query parameter `commune` of the document, and codes its pattern may or may not allow
            // (schemathesis sent 5A528, which the document allowed and the server refused with a 400)
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as! [String: Any]
            }
            var patterns: [(path: String, pattern: String)] = []
            for (path, item) in document["paths"] as! [String: [String: Any]] {
                for parameter in (item["get"] as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
                where parameter["name"] as? String == "commune" && parameter["in"] as? String == "query" {
                    patterns.append((path, try #require((parameter["schema"] as? [String: Any])?["pattern"] as? String)))
                }
            }
            #expect(patterns.map(\.path).contains("/partenariats/suggestions") && patterns.count >= 5)
            let codes =
                ["0", "2", "5", "9", "A"].flatMap { first in ["0", "9", "A", "B", "a", "b", "C"].map { first + $0 + "528" } }
                + ["2A004", "2b004", "00000", "99999", " 59172 ", "5A528"]
            for (path, pattern) in patterns {
                let expression = try NSRegularExpression(pattern: pattern)
                let allowed = codes.filter { expression.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
                #expect(!allowed.contains("5A528") && allowed.contains("2A004") && allowed.contains("59528"), "\(path)")
                for code in allowed {
                    // Act
                    let status = try await client.execute(
                        uri: "/api/v1\(path.replacingOccurrences(of: "{id}", with: "karima"))?commune=\(q(code))", method: .get
                    ) { $0.status.code }
                    // Check: found, or a well-formed code that names nothing known (404); never a malformed value
                    #expect(status != 400, "\(path)?commune=\(code)")
                }
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/recherche?services=Jardinage", "services", 400), ("/api/v1/recherche?rayon_km=0", "rayon_km", 400),
        ("/api/v1/recherche?lat=91&lon=3", "lat", 400), ("/api/v1/recherche?ou=Atlantide", "ou", 404),
        ("/api/v1/recherche?commune=99999", "commune", 404), ("/api/v1/communes?epci=1", "epci", 400),
        ("/api/v1/recherche?per_page=0", "per_page", 400), ("/api/v1/recherche.csv?samedi=peut-etre", "samedi", 400)
    ])
    func badSearchParametersGetAJSONErrorNamingTheParameter(uri: String, parameter: String, status: Int) async throws {
        // a malformed value is a 400; a well-formed one that names nothing known (a commune code no commune has) a 404
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status)
                let body = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.parameter == parameter)
            }
        }
    }
}

@Suite("Diagnostic API", .serialized)
struct DiagnosticAPITests {
    @Test func theDiagnosticOfCAPHAndOfTheFocusCommunesIsServedWithItsAssumptions() async throws {
        try await withApp { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) {
                try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as! [String: Any]
            }
            let validator = SchemaValidator(document: document)
            let schema = try #require(validator.responseSchema(for: "/diagnostic"))
            try await client.execute(uri: "/api/v1/diagnostic?epci=200042190", method: .get) { response in
                #expect(response.status == .ok)
                let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                #expect(validator.violations(of: value, against: schema).isEmpty)
                let body = value as? [String: Any]
                #expect((body?["communes"] as? [Any])?.count == 47)
                #expect((body?["hypotheses"] as? [String])?.first?.contains("1,3") == true)
            }
            try await client.execute(uri: "/api/v1/diagnostic?communes=59526,59172,59491", method: .get) { response in
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["population"] as? Int == 48_675)
            }
            try await client.execute(uri: "/api/v1/diagnostic?communes=59526,%3Cscript%3E", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
                #expect(error.error.parameter == "communes")
            }
        }
    }
}
