import Hummingbird
import MaillageStorage

/// `/health`: 200 when the database answers.
struct HealthController {
    let database: AppDatabase

    struct Status: ResponseEncodable {
        var status: String
        var database: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get(.health) { _, _ -> Status in
            _ = try await database.territories.isEmpty()
            return Status(status: "ok", database: database.backend.rawValue)
        }
    }
}
