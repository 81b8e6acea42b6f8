import ArgumentParser
import Foundation
import MaillageCore
import MaillageStorage

/// `maillage purge`: applies the retention now, as the server does at start-up and every hour (for a database no
/// server runs on, or from a scheduler).
struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Efface ou anonymise ce qui dépasse sa durée de conservation.")

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .customLong("anonymise-after-days"), help: "Jours après lesquels une orientation entre structures perd les coordonnées de la personne.")
    var anonymiseAfterDays = Int(Referral.defaultAnonymisation / 86_400)

    func validate() throws {
        guard (1...3_650).contains(anonymiseAfterDays) else { throw ValidationError("--anonymise-after-days : de 1 à 3 650 jours") }
    }

    func run() async throws {
        let db = try await AppDatabase.open(database.configuration, logger: .cli("maillage.purge"), schema: .requireCurrent)
        do {
            let counts = try await db.purgeExpired(now: Date(), retention: .init(referrals: TimeInterval(anonymiseAfterDays) * 86_400))
            for (what, count) in counts.sorted(by: { $0.key < $1.key }) { print("\(what) : \(count)") }
            try await db.shutdown()
        } catch {
            try? await db.shutdown()
            throw error
        }
    }
}
