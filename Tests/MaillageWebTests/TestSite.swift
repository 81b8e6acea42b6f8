import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import MaillageCore
import MaillageStorage
import MaillageTestSupport
@testable import MaillageWeb
import NIOCore

/// A signed-in browser (or a visitor's): the cookies it sends and the form token its pages carry.
struct Browser: Sendable {
    var cookies: [String: String] = [:]
    var csrf: String?

    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    mutating func keep(_ headers: HTTPFields) {
        for value in headers[values: .setCookie] {
            guard let pair = value.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), content = String(pair[pair.index(after: equals)...])
            if content.isEmpty { cookies[name] = nil } else { cookies[name] = content }
        }
    }
}

/// The password every test account has (bcrypt at the lowest cost, so that tests stay fast).
let testPassword = "une phrase de passe bien longue"

/// The site as `serve` builds it on a fresh database with the CAPH pack; the test creates accounts and looks at the
/// database through the server's own connection.
struct TestSite {
    let client: any TestClientProtocol
    let database: AppDatabase

    func get(_ uri: String, as browser: inout Browser) async throws -> (status: Int, location: String?, html: String) {
        try await client.get(uri, as: &browser)
    }

    func post(
        _ uri: String, _ fields: [(String, String)], as browser: inout Browser, csrf: String?? = nil,
        headers: HTTPFields = [:]
    ) async throws -> (status: Int, location: String?, html: String) {
        try await client.post(uri, fields, as: &browser, csrf: csrf, headers: headers)
    }

    func signIn(_ email: String, password: String = testPassword) async throws -> Browser { try await client.signIn(email, password: password) }

    /// Runs `test` against the site on a fresh database of the given kind (SQLite in memory by default), its
    /// configuration changed by `configure`.
    static func with(
        _ kind: TestDatabases.Kind = .sqlite, configure: @escaping @Sendable (inout AppConfiguration) -> Void = { _ in },
        _ test: @escaping @Sendable (TestSite) async throws -> Void
    ) async throws {
        var logger = Logger(label: "maillage.test")
        logger.logLevel = .warning
        try await TestDatabases.with(kind) { database in
            // The server's own connection: two connections to one SQLite file could starve each other of the pool's threads.
            var configuration = AppConfiguration(database: .sqliteInMemory, seedPack: TestData.pack, passwordCost: 4)
            configuration.admitEveryTestRequest()
            configure(&configuration)
            let app = try await buildApplication(configuration, database: database, logger: logger)
            try await app.test(.router) { client in try await test(TestSite(client: client, database: database)) }
        }
    }

    /// Makes an account with a password and roles; returns its id.
    @discardableResult
    func account(_ email: String, _ grants: [RoleGrant]) async throws -> Int {
        let hash = Bcrypt.hash(testPassword, cost: 4)
        let accounts = database.accounts
        return try await database.transaction { db in
            let account = try await accounts.create(email: email, name: email.split(separator: "@")[0].capitalized, now: Date(), on: db)
            try await accounts.setPassword(hash: hash, for: account.id, now: Date(), on: db)
            for grant in grants { try await accounts.grant(grant, to: account.id, now: Date(), on: db) }
            return account.id
        }
    }
}

extension TestClientProtocol {
    /// A page read with the browser's cookies; keeps the cookies it sets and the form token it carries.
    func get(_ uri: String, as browser: inout Browser) async throws -> (status: Int, location: String?, html: String) {
        let cookies = browser.cookieHeader
        let (status, location, html, headers) = try await execute(uri: uri, method: .get, headers: cookies.isEmpty ? [:] : [.cookie: cookies]) {
            (Int($0.status.code), $0.headers[.location], String(buffer: $0.body), $0.headers)
        }
        browser.keep(headers)
        if let token = html.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1 { browser.csrf = String(token) }
        return (status, location, html)
    }

    /// A form posted by the browser, with its form token unless `csrf` says otherwise.
    func post(
        _ uri: String, _ fields: [(String, String)], as browser: inout Browser, csrf: String?? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> (status: Int, location: String?, html: String) {
        let token = csrf ?? browser.csrf
        let body = (fields + (token.map { [("_csrf", $0)] } ?? [])).map { "\(q($0.0))=\(q($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !browser.cookieHeader.isEmpty { headers[.cookie] = browser.cookieHeader }
        headers.append(contentsOf: extra)
        let (status, location, html, responseHeaders) = try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            (Int($0.status.code), $0.headers[.location], String(buffer: $0.body), $0.headers)
        }
        browser.keep(responseHeaders)
        return (status, location, html)
    }

    /// Signs in through the sign-in page; returns the browser, its session and form token set.
    func signIn(_ email: String, password: String = testPassword) async throws -> Browser {
        var browser = Browser()
        _ = try await get("/connexion", as: &browser)
        let result = try await post("/connexion", [("email", email), ("mot_de_passe", password)], as: &browser)
        precondition(result.status == 302, "sign-in of \(email) answered \(result.status)")
        _ = try await get("/compte", as: &browser)
        return browser
    }
}

extension AppConfiguration {
    /// The suites run side by side on a busy two-core machine, and some send hundreds of requests at once: request
    /// admission (tested alone by RequestAdmissionTests) would make them wait their turn, stretching a burst past the
    /// throttles' first wait, which is not what they test;
    mutating func admitEveryTestRequest() {
        connectionLimits.maxRequestsInFlight = 10_000
        connectionLimits.requestWaitTimeout = .seconds(600)
        // nor would a connection starved of the processor for a few seconds be a slow client (ConnectionLimitsTests are)
        connectionLimits.headerTimeout = .seconds(600)
        connectionLimits.bodyTimeout = .seconds(600)
        connectionLimits.idleTimeout = .seconds(600)
    }

    /// This configuration with ``admitEveryTestRequest()``.
    func admittingEveryTestRequest() -> AppConfiguration {
        var configuration = self
        configuration.admitEveryTestRequest()
        return configuration
    }
}
