import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// The router, `SiteURL` and the OpenAPI document name the same routes.
@Suite("Routes: SiteURL, the router and the OpenAPI document", .serialized)
struct RoutesTests {
    @Test func theRouterRegistersExactlyTheRoutesOfSiteURL() async throws {
        try await TestDatabases.with(.sqlite) { database in
            // Setup: the router as buildApplication makes it
            let router = buildRouter(
                database: database, index: try await IndexStore(database: database), pages: try await PageRenderer.load(),
                configuration: AppConfiguration(), hashing: HashingPool(threads: 1, queueLimit: 0))
            // Act
            let registered = Set(router.routes.map { "\($0.method) \($0.path)" })
            let declared = Set(SiteURL.routes.map { "\($0.method) \($0.url.template)" })
            // Check
            #expect(registered == declared)
            #expect(declared.count == SiteURL.routes.count)  // no route declared twice
        }
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheAPIRoutes() throws {
        // Setup
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIController.document) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        // Act
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let declared = Set(
            SiteURL.routes.compactMap { route -> String? in
                guard case .api(let api) = route.url else { return nil }
                return "\(route.method) \(api.openAPIPath)"
            })
        // Check
        #expect(documented == declared)
    }

    @Test func theDocumentedVocabulariesAreTheStandardsOwn() throws {
        // Setup: the search operation's parameters as documented
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIController.document) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        func values<T: StandardVocabulary>(_: T.Type) -> [String] { T.allCases.map(\.rawValue) }
        let vocabularies: [String: [String]] = [
            "services": values(Service.self), "publics_specifiquement_adresses": values(TargetPublic.self),
            "prise_en_charge_specifique": values(SpecificSupport.self), "frais_a_charge": values(Fee.self),
            "modalites_acces": values(AccessMode.self), "modalites_accompagnement": values(SupportMode.self),
            "dispositif_programmes_nationaux": values(NationalProgramme.self), "formations_labels": values(TrainingLabel.self),
            "itinerance": values(Itinerancy.self)
        ]
        // Check: every search endpoint lists exactly the values the server accepts (and the empty value a form sends
        // for nothing chosen, ignored)
        for path in ["/recherche", "/recherche.csv", "/recherche.geojson"] {
            let parameters = try #require(paths[path]?["get"]?["parameters"] as? [[String: Any]])
            for (name, expected) in vocabularies {
                let schema = try #require(parameters.first { $0["name"] as? String == name }?["schema"] as? [String: Any], "\(path) \(name)")
                #expect((schema["items"] as? [String: Any])?["enum"] as? [String] == expected + [""], "\(path) \(name)")
            }
        }
    }

    @Test func linksFillParametersAndEncodeThem() {
        #expect(SiteURL.persona(.value("karima")).path == "/personas/karima")
        #expect(SiteURL.persona(.key).path == "/personas/:id")
        #expect(SiteURL.place(.value("a b/é")).path == "/lieux/a%20b%2F%C3%A9")
        #expect(
            SiteURL.communeDiagnostic(.value(CommuneCode("59172")!)).path(query: [("epci", "200042190")])
                == "/diagnostic/communes/59172?epci=200042190")
        #expect(SiteURL.api(.journey(.key)).template == "/api/v1/personas/{id}/parcours")
        #expect(SiteURL.diagnostic.path(encodedQuery: "") == "/diagnostic")
    }

    @Test func apiErrorsAreJSONEvenForUnknownRoutesAndPagesAreFrench() async throws {
        try await withApp { client in
            for uri in ["/api/v1/nulle-part", "/api/v1/places/inconnu", "/api/v1/personas/inconnu/parcours"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                    let body = try JSONDecoder().decode(APIErrorBody.self, from: Data(buffer: response.body))
                    #expect(!body.error.message.isEmpty && body.error.message != "Not Found", "\(uri): \(body.error.message)")
                }
            }
            try await client.execute(uri: "/nulle-part", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("<html lang=\"fr\">"))
            }
        }
    }
}
