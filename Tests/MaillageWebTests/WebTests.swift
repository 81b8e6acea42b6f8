import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import MaillageCore
import MaillageTestSupport
import MaillageWeb
import Testing

/// The application as `serve` builds it, on an in-memory database seeded with the shipped CAPH pack.
func withApp(identity: SiteIdentity = SiteIdentity(), _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    var logger = Logger(label: "maillage.test")
    logger.logLevel = .warning
    let app = try await buildApplication(AppConfiguration(database: .sqliteInMemory, seedPack: TestData.pack, identity: identity), logger: logger)
    try await app.test(.router, test)
}

struct APIErrorBody: Decodable {
    struct Detail: Decodable {
        var message: String
        var parameter: String?
    }
    var error: Detail
}

struct PlacesPage: Decodable {
    struct Item: Decodable {
        var id: String
        var nom: String
        var code_insee: String?
        var services: [String]
        var precision: String
        var provenances: [[String: String]]
    }
    struct Pagination: Decodable {
        var page: Int
        var per_page: Int
        var total: Int
        var pages: Int
    }
    var data: [Item]
    var pagination: Pagination
}

@Suite("Web: home page, API, health", .serialized)
struct WebTests {
    @Test func theHomePagePresentsCAPH() async throws {
        try await withApp { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(html.contains("<html lang=\"fr\">"))
                #expect(html.contains("<h1><a href=\"/territoires/200042190\">CA de la Porte du Hainaut</a></h1>"))
                #expect(html.contains("47 communes"))
                #expect(html.contains("158\u{202F}568 habitants"))
                #expect(html.contains("<a href=\"/communes/59172\">Denain</a></th><td class=\"num\">20\u{202F}640</td>"))
                #expect(html.contains("Bibliothèques publiques (Ministère de la Culture) : 36 fiches"))
                #expect(html.contains("CA Valenciennes Métropole"))
                #expect(html.contains("Château-l&#39;Abbaye"))
            }
        }
    }

    @Test func placesCanBeFilteredByCommuneAndEPCI() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/places?commune=59172&per_page=200", method: .get) { response in
                #expect(response.status == .ok)
                let page = try JSONDecoder().decode(PlacesPage.self, from: Data(buffer: response.body))
                #expect(page.pagination.total == page.data.count && page.data.count >= 2)
                #expect(page.data.allSatisfy { $0.code_insee == "59172" })
                #expect(page.data.allSatisfy { !$0.provenances.isEmpty })
            }
            try await client.execute(uri: "/api/v1/places?epci=200042190&per_page=10&page=2", method: .get) { response in
                let page = try JSONDecoder().decode(PlacesPage.self, from: Data(buffer: response.body))
                #expect(page.pagination.page == 2 && page.pagination.per_page == 10)
                #expect(page.data.count == 10)
                #expect(page.pagination.total > 40)
            }
        }
    }

    @Test func aPlaceIsServedWithItsProvenances() async throws {
        try await withApp { client in
            let first = try await client.execute(uri: "/api/v1/places?commune=59002", method: .get) { response in
                try JSONDecoder().decode(PlacesPage.self, from: Data(buffer: response.body)).data
            }
            let abscon = try #require(first.first { $0.provenances.contains { $0["source"] == "france-services" } })
            try await client.execute(uri: "/api/v1/places/\(abscon.id)", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                // Values of a closed vocabulary are listed in the standard's order.
                #expect(body.contains("\"dispositif_programmes_nationaux\":[\"Aidants Connect\",\"France Services\"]"))
                #expect(body.contains("\"precision\":\"adresse\""))
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/places?commune=ABC", "commune", 400), ("/api/v1/places?commune=99999", "commune", 404),
        ("/api/v1/places?epci=123", "epci", 400), ("/api/v1/places?per_page=5000", "per_page", 400), ("/api/v1/places?page=0", "page", 400),
        ("/api/v1/places?commune=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "commune", 400)
    ])
    func badParametersGetAClearError(uri: String, parameter: String, status: Int) async throws {
        // malformed: 400; well formed but naming no known commune: 404
        try await withApp { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code == status)
                let body = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.parameter == parameter)
                #expect(!body.error.message.contains("<script>"))
            }
        }
    }

    @Test func anUnknownPlaceIsA404InJSON() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/places/nope", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
                #expect(body.error.parameter == "id")
            }
        }
    }

    @Test(arguments: [
        "/nulle-part", "/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/" + String(repeating: "é", count: 3_000),
        "/\u{202E}gnp.exe\u{0301}\u{0301}"
    ])
    func unknownPagesGetAFrenchErrorPageWithoutEchoingInput(path: String) async throws {
        try await withApp { client in
            try await client.execute(uri: path, method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .notFound)
                #expect(html.contains("Page introuvable"))
                #expect(!html.contains("<script>alert"))
            }
        }
    }

    @Test func hostileQueryStringsOnTheHomePageAreHarmless() async throws {
        try await withApp { client in
            let hostile = "q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&x=" + String(repeating: "a", count: 10_000)
            try await client.execute(uri: "/?\(hostile)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains("<script>"))
            }
        }
    }

    @Test func healthSaysTheDatabaseAnswers() async throws {
        try await withApp { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))
                #expect(body == ["status": "ok", "database": "sqlite"])
            }
        }
    }

    @Test func theStylesheetIsServed() async throws {
        try await withApp { client in
            try await client.execute(uri: "/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(".skip-link"))
            }
        }
    }
}
