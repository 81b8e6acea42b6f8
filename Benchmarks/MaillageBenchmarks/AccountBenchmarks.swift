import Benchmark
import Foundation
import HummingbirdBcrypt
import HummingbirdTesting
import MaillageCore
import MaillageStorage
import MaillageWeb

/// What accounts cost: a sign-in's password check, and a public page read with and without a session cookie (a page
/// without the cookie must cost what it cost before sessions existed: the middleware then reads no table).
let accountBenchmarks: @Sendable () -> Void = {
    let hash = Bcrypt.hash("une phrase de passe bien longue", cost: 12)
    Benchmark("Sign-in password check (bcrypt, cost 12)", configuration: .init(maxIterations: 20)) { benchmark in
        benchmark.startMeasurement()
        blackHole(Bcrypt.verify("une phrase de passe bien longue", hash: hash))
    }

    for withSession in [false, true] {
        Benchmark("Public page /personas, 100 requests through the router, \(withSession ? "with" : "without") a session cookie",
                  configuration: .init(maxIterations: 20)) { benchmark in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-bench-\(UUID().uuidString).sqlite").path
            let database = try await AppDatabase.open(.sqlite(path: path), schema: .migrate)
            let app = try await buildApplication(AppConfiguration(database: .sqlite(path: path), seedPack: caphPack), database: database)
            let (accounts, sessions) = (database.accounts, database.sessions)
            let cookie = withSession ? "maillage_session=" + (try await database.transaction { db in
                let account = try await accounts.create(email: "banc@exemple.fr", name: "Banc", now: Date(), on: db)
                return try await sessions.create(accountID: account.id, now: Date(), lifetime: .init(), on: db).token
            }) : nil
            // (the test client's set-up is measured too, the same for both)
            benchmark.startMeasurement()
            try await app.test(.router) { client in
                for _ in 0..<100 {
                    try await client.execute(uri: "/personas", method: .get, headers: cookie.map { [.cookie: $0] } ?? [:]) { blackHole($0.status) }
                }
            }
            benchmark.stopMeasurement()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}

/// The CAPH pack shipped with the command line.
private let caphPack = repository.appendingPathComponent("Sources/maillage/Pack/caph-200042190.pack.json.gz")
