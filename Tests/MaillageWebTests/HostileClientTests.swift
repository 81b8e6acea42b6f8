import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MaillageCore
import MaillageImport
import MaillageSources
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import Testing

/// What a hostile or careless client gets: formulas left inert in spreadsheet exports, HEAD answered like GET, long
/// identifiers not echoed back, bidirectional controls dropped from what is read, a clear word for a body too large.
@Suite("Hostile clients", .serialized)
struct HostileClientTests {
    @Test func aFormulaInAPersonasNameComesOutInertInTheWorkshopSpreadsheet() async throws {
        try await TestSite.with { site in
            // Setup: a persona whose first name is a formula
            var marcel = try #require(try await site.database.personas.find(id: "marcel")).persona
            marcel.firstName = "=HYPERLINK(\"http://x\")"
            _ = try await site.database.personas.create(marcel, territory: .caph, by: .commandLine)
            // Act
            var visitor = Browser()
            let csv = try await site.get("/atelier.csv", as: &visitor)
            // Check
            #expect(csv.html.contains("\"'=HYPERLINK(\"\"http://x\"\")\"") && !csv.html.contains(";\"=HYPERLINK"))
        }
    }

    @Test(arguments: ["/", "/recherche?ou=Denain", "/api/v1/places?commune=59172", "/style.css", "/lieux/inconnu", "/api/v1/openapi.json"])
    func headAnswersLikeGetWithoutABody(uri: String) async throws {
        try await TestSite.with { site in
            // Act
            let get = try await site.client.execute(uri: uri, method: .get) { ($0.status, $0.headers[.contentType], $0.body.readableBytes) }
            let head = try await site.client.execute(uri: uri, method: .head) {
                ($0.status, $0.headers[.contentType], $0.body.readableBytes, $0.headers[.contentLength])
            }
            // Check
            #expect(head.0 == get.0 && head.1 == get.1 && head.2 == 0 && head.3 == String(get.2), "\(uri) \(head) \(get)")
        }
    }

    @Test func aLongIdentifierIsNotEchoedBackAndBidiControlsAreDropped() async throws {
        try await TestSite.with { site in
            // Act: an 80 KB identifier; a place name and a search carrying a right-to-left override
            let id = String(repeating: "x", count: 80_000)
            let error = try await site.client.execute(uri: "/api/v1/places/\(id)", method: .get) { ($0.status, $0.body.readableBytes) }
            var visitor = Browser()
            let search = try await site.get(
                "/recherche?ou=\u{202E}Denain".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!, as: &visitor)
            let loaded = try FileLoader.decode(Data("nom;ville\nMédiathèque \u{202E}enialeD;Denain\u{2066}\n".utf8), file: "bidi.csv")
            // Check
            #expect(error.0 == .notFound && error.1 < 1_000)
            #expect(search.status == 200 && !search.html.contains("\u{202E}"))
            #expect(loaded.text == "nom;ville\nMédiathèque enialeD;Denain\n")
            #expect("1\u{202F}234".withoutBidiControls == "1\u{202F}234")
        }
    }

    @Test func aBodyTooLargeIsSaidToBeTooLargeAndChangesNothing() async throws {
        try await TestSite.with { site in
            // Setup
            try await site.account("coordinatrice@caph.fr", [RoleGrant(role: .coordinateur, scope: .territory(.caph))!])
            var browser = try await site.signIn("coordinatrice@caph.fr")
            let before = try await AccessTests.snapshot(site.database)
            // Act
            let huge = try await site.post(
                "/lieux-manquants", [("territoire", "200042190"), ("justification", String(repeating: "x", count: 70_000))], as: &browser)
            // Check
            #expect(huge.status == 413 && huge.html.contains("trop"))
            #expect(try await AccessTests.snapshot(site.database) == before)
        }
    }

    @Test func theStandaloneReportLinksToTheSiteNotToTheHostAClientSends() async throws {
        try await TestSite.with { site in
            // Act: a request with no authority at all (what a client sends is not used)
            let html = try await site.client.execute(uri: "/diagnostic.html?epci=200042190", method: .get) { String(buffer: $0.body) }
            // Check: the report's links resolve against the server's configured address
            #expect(html.contains("<base href=\"http://127.0.0.1:8080/\">"))
        }
    }

    @Test func theStylesheetIsRevalidatedByItsETag() async throws {
        try await TestSite.with { site in
            // Act
            let first = try await site.client.execute(uri: "/style.css", method: .get) { ($0.status, $0.headers[.eTag]) }
            let tag = try #require(first.1)
            let again = try await site.client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: tag]) {
                ($0.status, $0.body.readableBytes)
            }
            let changed = try await site.client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: "\"autre\""]) { $0.status }
            // Check
            #expect(first.0 == .ok && again.0 == .notModified && again.1 == 0 && changed == .ok)
        }
    }

    @Test func aWorkshopMatrixBeyondItsCostLimitIsRefusedBeforeAnyJourneyIsComputed() async throws {
        try await TestSite.with { site in
            // Setup: the 9 default personas and 33 CAPH communes (297 journeys)
            let communes = try await IndexStore(database: site.database).current.territory.epcis[.caph]!.members.prefix(33).map(\.rawValue).joined(
                separator: ",")
            var visitor = Browser()
            // Act
            let page = try await site.get("/atelier?communes=\(communes)", as: &visitor)
            let api = try await site.client.execute(uri: "/api/v1/atelier?communes=\(communes)", method: .get) {
                ($0.status, String(buffer: $0.body))
            }
            let within = try await site.get("/atelier?communes=\(communes.split(separator: ",").prefix(20).joined(separator: ","))", as: &visitor)
            // Check
            #expect(
                page.status == 400
                    && page.html.contains("avec 9 personas, une matrice compte au plus 26 communes (240 parcours) : ici 33, choisissez-en moins"))
            #expect(api.0 == .badRequest && api.1.contains("\"parameter\":\"communes\""))
            #expect(within.status == 200)
        }
    }

    @Test func textAnswersAreSentGzippedToClientsThatAcceptItAndReadTheSame() async throws {
        try await TestSite.with { site in
            // Act: the diagnostic page and a JSON answer, asked with and without gzip
            for uri in ["/diagnostic", "/api/v1/places?commune=59172"] {
                let plain = try await site.client.execute(uri: uri, method: .get) {
                    ($0.headers[.contentEncoding], $0.headers[.vary], Data(buffer: $0.body))
                }
                let zipped = try await site.client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "br;q=1, gzip;q=0.8"]) {
                    ($0.headers[.contentEncoding], Data(buffer: $0.body))
                }
                let refused = try await site.client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip;q=0"]) {
                    $0.headers[.contentEncoding]
                }
                // Check: the same bytes once inflated, several times smaller; none for a client refusing gzip
                #expect(plain.0 == nil && plain.1?.contains("Accept-Encoding") == true && refused == nil)
                #expect(zipped.0 == "gzip")
                #expect(try Self.inflated(zipped.1) == plain.2, "\(uri)")
                #expect(zipped.1.count * 3 < plain.2.count, "\(uri): \(zipped.1.count) of \(plain.2.count) bytes")
            }
            // a small answer is not worth compressing
            let health = try await site.client.execute(uri: "/health", method: .get, headers: [.acceptEncoding: "gzip"]) {
                $0.headers[.contentEncoding]
            }
            #expect(health == nil)
        }
    }

    @Test(arguments: ["/api/v1/places?commune=59172", "/atelier.csv", "/territoires/200042190/lieux.csv", "/diagnostic"])
    func exportsAreRevalidatedByTheirETag(uri: String) async throws {
        try await TestSite.with { site in
            // Act: asked, asked again with the tag a gzip client kept (weak), asked with another tag
            let first = try await site.client.execute(uri: uri, method: .get) { ($0.status, $0.headers[.eTag], $0.headers[.cacheControl]) }
            let tag = try #require(first.1, "\(uri) has no ETag")
            let again = try await site.client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "W/\(tag)"]) {
                ($0.status, $0.body.readableBytes)
            }
            let stale = try await site.client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"0000\""]) { $0.status }
            // Check
            #expect(first.0 == .ok && first.2 == "no-cache")
            #expect(again.0 == .notModified && again.1 == 0)
            #expect(stale == .ok)
        }
    }

    @Test func aDiagnosticIsComputedOncePerDataVersion() async throws {
        try await TestSite.with { site in
            // Setup: the server's index, and the perimeter of CAPH
            let store = try await IndexStore(database: site.database)
            let perimeter = Perimeter.epci(store.current.territory.epcis[.caph]!)
            // Act 1: asked twice
            let first = try store.snapshot.diagnostic(of: perimeter)
            let second = try store.snapshot.diagnostic(of: perimeter)
            // Check 1: computed once
            #expect(store.snapshot.diagnostics.count == 1 && first.rows.flatMap(\.cells) == second.rows.flatMap(\.cells))
            // Act 2: a persona changes (not the places), then a place of Denain changes
            var marcel = try #require(try await site.database.personas.find(id: "marcel")).persona
            marcel.id = "marcel-bis"
            _ = try await site.database.personas.create(marcel, territory: .caph, by: .commandLine)
            try await store.refreshIfChanged()
            let keptAcrossPersonas = store.snapshot.diagnostics.count
            var record = try #require(try TestData.loadPack().records.first { $0.place.codeInsee?.rawValue == "59172" })
            record.place.nom = "Lieu renommé"
            record.provenance.dateMaj = CalendarDay("2030-01-01")!
            _ = try await Importer(database: site.database).importRecords([record])
            try await store.refreshIfChanged()
            // Check 2: kept across the persona's change; a new index computes again, and sees the renamed place
            #expect(keptAcrossPersonas == 1)
            #expect(store.snapshot.diagnostics.count == 0)
            let again = try store.snapshot.diagnostic(of: perimeter)
            #expect(again.rows.count == first.rows.count && store.snapshot.diagnostics.count == 1)
        }
    }

    @Test func methodsNeverServedAre405WithWhatIsAllowedAndChangeNothing() async throws {
        try await TestSite.with { site in
            // Setup
            let before = try await site.database.changes.latest()
            // Act
            let api = try await site.client.execute(uri: "/api/v1/places", method: .trace) { ($0.status, $0.headers[.allow]) }
            let posted = try await site.client.execute(uri: "/api/v1/personas", method: .post) { ($0.status, $0.headers[.allow]) }
            let page = try await site.client.execute(uri: "/personas/marcel", method: .delete) { ($0.status, $0.headers[.allow]) }
            // Check
            #expect(api.0 == .methodNotAllowed && api.1 == "GET, HEAD")
            #expect(posted.0 == .methodNotAllowed)
            #expect(page.0 == .methodNotAllowed && page.1 == "GET, HEAD, POST")
            #expect(try await site.database.changes.latest() == before)
            #expect(try await site.database.personas.find(id: "marcel") != nil)
        }
    }

    @Test func wellFormedCodesOfNothingAre404AndMalformedOnes400() async throws {
        try await TestSite.with { site in
            // Act / Check: a SIREN no EPCI has, a commune code no commune has, an empty page number, an unknown place
            for (uri, status) in [
                ("/api/v1/places?epci=999999999", HTTPResponse.Status.notFound), ("/api/v1/places?epci=12", .badRequest),
                ("/api/v1/diagnostic?communes=99999", .notFound), ("/api/v1/diagnostic?communes=Denain", .badRequest),
                ("/api/v1/communes?per_page=", .badRequest), ("/api/v1/recherche?ou=Atlantide", .notFound),
                ("/api/v1/personas/marcel/parcours?commune=99999", .notFound), ("/api/v1/recherche?servics=x", .badRequest)
            ] {
                let answer = try await site.client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
                #expect(answer.0 == status, "\(uri): \(answer.1)")
                #expect(answer.1.contains("\"parameter\""), "\(uri)")
            }
        }
    }

    @Test func severalPerimetersMakeTheirUnion() async throws {
        try await TestSite.with { site in
            // Act: CAPH and a commune of the neighbouring Valenciennes agglomeration
            let union = try await site.client.execute(uri: "/api/v1/diagnostic?epci=200042190&communes=59606", method: .get) {
                ($0.status, Data(buffer: $0.body))
            }
            let caph = try await site.client.execute(uri: "/api/v1/diagnostic?epci=200042190", method: .get) { Data(buffer: $0.body) }
            // Check: one commune more than CAPH's 47
            func communes(_ data: Data) throws -> Int {
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                return try #require(object["communes"] as? [Any]).count
            }
            #expect(union.0 == .ok)
            #expect(try communes(union.1) == communes(caph) + 1)
        }
    }

    /// gzip bytes inflated by Maillage's own file loader (which reads `.gz` files).
    static func inflated(_ data: Data) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("answer-\(UUID().uuidString).gz")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return Data(try FileLoader.load(file).text.utf8)
    }
}
