import Foundation
import SQLKit

/// Personas in typed columns and child tables instead of one JSON body: the database checks every value against the
/// vocabularies, a Codable rename can no longer break a stored row, and a lost update is seen in the affected rows.
/// The JSON bodies of `0004_personas` are converted with the shape they were written in (``BodyV1``), not live code.
struct TypedPersonas: Migration {
    let name = "0006_typed_personas"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE personas RENAME TO personas_json").run()
        try await db.create(table: "personas")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("first_name", type: .text, .notNull)
            .column("description", type: .text, .notNull)
            .column("age_band", type: .text, .notNull)
            .column("commune_code", type: .text, .notNull)
            .column("qpv_code", type: .text)
            .column("situation", type: .text, .notNull)
            .column("equipment", type: .text, .notNull)
            .column("internet_at_home", type: db.booleanType, .notNull)
            .column("autonomy", type: .text, .notNull)
            .column("mobility", type: .text, .notNull)
            .column("max_minutes", type: db.doubleType, .notNull)
            .column("free_only", type: db.booleanType, .notNull)
            .column("version", type: .bigint, .notNull)
            .check(SQLRaw("length(id) BETWEEN 1 AND 80 AND length(first_name) BETWEEN 1 AND 60"), named: nil as String?)
            .check(SQLRaw("length(commune_code) = 5 AND (qpv_code IS NULL OR length(qpv_code) = 8) AND version >= 1"), named: nil as String?)
            .check(SQLRaw("max_minutes > 0 AND max_minutes <= 240"), named: nil as String?)
            .check(Self.oneOf("age_band", ["moins-de-26", "26-59", "60-74", "75-et-plus"]), named: nil as String?)
            .check(
                Self.oneOf(
                    "situation",
                    [
                        "retraite-seul", "demandeur-emploi", "parent", "etudiant", "nouvel-arrivant",
                        "salarie-precaire", "situation-handicap"
                    ]), named: nil as String?
            )
            .check(Self.oneOf("equipment", ["aucun", "smartphone", "ordinateur"]), named: nil as String?)
            .check(Self.oneOf("autonomy", ["aucune", "debutant", "intermediaire", "autonome"]), named: nil as String?)
            .check(Self.oneOf("mobility", ["a-pied", "bus", "voiture"]), named: nil as String?)
            .run()
        try await db.create(table: "persona_needs")
            .column("persona_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("task", type: .text, .notNull)
            .column("service", type: .text, .notNull)
            .primaryKey("persona_id", "position")
            .foreignKey(["persona_id"], references: "personas", ["id"], onDelete: .cascade)
            .check(SQLRaw("length(task) BETWEEN 1 AND 300"), named: nil as String?)
            .check(Self.oneOf("service", Self.services), named: nil as String?)
            .run()
        try await db.create(table: "persona_slots")
            .column("persona_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("day", type: .int, .notNull)
            .column("start_minute", type: .int, .notNull)
            .column("end_minute", type: .int, .notNull)
            .primaryKey("persona_id", "position")
            .foreignKey(["persona_id"], references: "personas", ["id"], onDelete: .cascade)
            .check(
                SQLRaw("day BETWEEN 0 AND 6 AND start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440"),
                named: nil as String?
            )
            .run()
        try await db.create(table: "persona_supports")
            .column("persona_id", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("support", type: .text, .notNull)
            .primaryKey("persona_id", "position")
            .foreignKey(["persona_id"], references: "personas", ["id"], onDelete: .cascade)
            .check(
                Self.oneOf(
                    "support",
                    [
                        "Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme", "Langues étrangères (anglais)",
                        "Langues étrangères (autres)", "Déficience visuelle"
                    ]), named: nil as String?
            )
            .run()
        for row in try await db.select().columns("version", "body").from("personas_json").all() {
            let body = try JSONDecoder().decode(BodyV1.self, from: Data(try row.decode(column: "body", as: String.self).utf8))
            try await body.insert(version: try row.decode(column: "version", as: Int.self), on: db)
        }
        try await db.drop(table: "personas_json").run()
    }

    private static let services = [
        "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien", "Insertion professionnelle via le numérique",
        "Utilisation sécurisée du numérique", "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
        "Compréhension du monde numérique", "Accès internet et matériel informatique", "Acquisition de matériel informatique à prix solidaire"
    ]

    private static func oneOf(_ column: String, _ values: [String]) -> SQLQueryString {
        "\(ident: column) IN (\(literals: values, joinedBy: ", "))"
    }

    /// A persona as `0004_personas` and the repository of that time wrote it in JSON.
    private struct BodyV1: Decodable {
        struct Need: Decodable { var task: String; var service: String }
        struct Slot: Decodable { struct Span: Decodable { var start: Int; var end: Int }; var day: Int; var span: Span }
        var id: String, firstName: String, description: String, ageBand: String, commune: String, qpv: String?
        var situation: String, equipment: String, internetAtHome: Bool, autonomy: String, specificSupports: [String]
        var mobility: String, maxMinutes: Double, availability: [Slot], freeOnly: Bool, needs: [Need]

        func insert(version: Int, on db: any SQLDatabase) async throws {
            try await db.insert(into: "personas")
                .columns(
                    "id", "first_name", "description", "age_band", "commune_code", "qpv_code", "situation", "equipment", "internet_at_home",
                    "autonomy", "mobility", "max_minutes", "free_only", "version"
                )
                .values(
                    SQLBind(id), SQLBind(firstName), SQLBind(description), SQLBind(ageBand), SQLBind(commune), SQLBind(qpv),
                    SQLBind(situation), SQLBind(equipment), SQLBind(internetAtHome), SQLBind(autonomy), SQLBind(mobility),
                    SQLBind(maxMinutes), SQLBind(freeOnly), SQLBind(version)
                )
                .run()
            for (position, need) in needs.enumerated() {
                try await db.insert(into: "persona_needs").columns("persona_id", "position", "task", "service")
                    .values(SQLBind(id), SQLBind(position), SQLBind(need.task), SQLBind(need.service)).run()
            }
            for (position, slot) in availability.enumerated() {
                try await db.insert(into: "persona_slots").columns("persona_id", "position", "day", "start_minute", "end_minute")
                    .values(SQLBind(id), SQLBind(position), SQLBind(slot.day), SQLBind(slot.span.start), SQLBind(slot.span.end)).run()
            }
            for (position, support) in specificSupports.enumerated() {
                try await db.insert(into: "persona_supports").columns("persona_id", "position", "support")
                    .values(SQLBind(id), SQLBind(position), SQLBind(support)).run()
            }
        }
    }
}
