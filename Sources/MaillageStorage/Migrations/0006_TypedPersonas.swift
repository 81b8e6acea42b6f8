import Foundation
import SQLKit

/// Personas in typed columns and child tables instead of one JSON body: the database checks every value against the
/// vocabularies, a Codable rename can no longer break a stored row, and a lost update is seen in the affected rows.
/// The JSON bodies of `0004_personas` are converted with the shape they were written in (``BodyV1``), not live code.
struct TypedPersonas: Migration {
    let name = "0006_typed_personas"

    private typealias P = PersonaTables.Persona
    private typealias N = PersonaTables.Need
    private typealias S = PersonaTables.Slot
    private typealias T = PersonaTables.Support

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("ALTER TABLE personas RENAME TO personas_json").run()
        try await db.create(table: P.table)
            .column(P.id, type: .text, .primaryKey(autoIncrement: false))
            .column(P.firstName, type: .text, .notNull)
            .column(P.description, type: .text, .notNull)
            .column(P.ageBand, type: .text, .notNull)
            .column(P.communeCode, type: .text, .notNull)
            .column(P.qpv, type: .text)
            .column(P.situation, type: .text, .notNull)
            .column(P.equipment, type: .text, .notNull)
            .column(P.internetAtHome, type: db.booleanType, .notNull)
            .column(P.autonomy, type: .text, .notNull)
            .column(P.mobility, type: .text, .notNull)
            .column(P.maxMinutes, type: db.doubleType, .notNull)
            .column(P.freeOnly, type: db.booleanType, .notNull)
            .column(P.version, type: .bigint, .notNull)
            .check(SQLRaw("length(\(P.id)) BETWEEN 1 AND 80 AND length(\(P.firstName)) BETWEEN 1 AND 60"), named: nil as String?)
            .check(SQLRaw("length(\(P.communeCode)) = 5 AND (\(P.qpv) IS NULL OR length(\(P.qpv)) = 8) AND \(P.version) >= 1"), named: nil as String?)
            .check(SQLRaw("\(P.maxMinutes) > 0 AND \(P.maxMinutes) <= 240"), named: nil as String?)
            .check(Self.oneOf(P.ageBand, ["moins-de-26", "26-59", "60-74", "75-et-plus"]), named: nil as String?)
            .check(Self.oneOf(P.situation, ["retraite-seul", "demandeur-emploi", "parent", "etudiant", "nouvel-arrivant",
                                            "salarie-precaire", "situation-handicap"]), named: nil as String?)
            .check(Self.oneOf(P.equipment, ["aucun", "smartphone", "ordinateur"]), named: nil as String?)
            .check(Self.oneOf(P.autonomy, ["aucune", "debutant", "intermediaire", "autonome"]), named: nil as String?)
            .check(Self.oneOf(P.mobility, ["a-pied", "bus", "voiture"]), named: nil as String?)
            .run()
        try await db.create(table: N.table)
            .column(N.personaID, type: .text, .notNull)
            .column(N.position, type: .int, .notNull)
            .column(N.task, type: .text, .notNull)
            .column(N.service, type: .text, .notNull)
            .primaryKey(N.personaID, N.position)
            .foreignKey([N.personaID], references: P.table, [P.id], onDelete: .cascade)
            .check(SQLRaw("length(\(N.task)) BETWEEN 1 AND 300"), named: nil as String?)
            .check(Self.oneOf(N.service, Self.services), named: nil as String?)
            .run()
        try await db.create(table: S.table)
            .column(S.personaID, type: .text, .notNull)
            .column(S.position, type: .int, .notNull)
            .column(S.day, type: .int, .notNull)
            .column(S.startMinute, type: .int, .notNull)
            .column(S.endMinute, type: .int, .notNull)
            .primaryKey(S.personaID, S.position)
            .foreignKey([S.personaID], references: P.table, [P.id], onDelete: .cascade)
            .check(SQLRaw("\(S.day) BETWEEN 0 AND 6 AND \(S.startMinute) >= 0 AND \(S.startMinute) < \(S.endMinute) AND \(S.endMinute) <= 1440"),
                   named: nil as String?)
            .run()
        try await db.create(table: T.table)
            .column(T.personaID, type: .text, .notNull)
            .column(T.position, type: .int, .notNull)
            .column(T.support, type: .text, .notNull)
            .primaryKey(T.personaID, T.position)
            .foreignKey([T.personaID], references: P.table, [P.id], onDelete: .cascade)
            .check(Self.oneOf(T.support, ["Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme", "Langues étrangères (anglais)",
                                          "Langues étrangères (autres)", "Déficience visuelle"]), named: nil as String?)
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
        "Compréhension du monde numérique", "Accès internet et matériel informatique", "Acquisition de matériel informatique à prix solidaire",
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
            try await db.insert(into: P.table)
                .columns(P.id, P.firstName, P.description, P.ageBand, P.communeCode, P.qpv, P.situation, P.equipment, P.internetAtHome,
                         P.autonomy, P.mobility, P.maxMinutes, P.freeOnly, P.version)
                .values(SQLBind(id), SQLBind(firstName), SQLBind(description), SQLBind(ageBand), SQLBind(commune), SQLBind(qpv),
                        SQLBind(situation), SQLBind(equipment), SQLBind(internetAtHome), SQLBind(autonomy), SQLBind(mobility),
                        SQLBind(maxMinutes), SQLBind(freeOnly), SQLBind(version))
                .run()
            for (position, need) in needs.enumerated() {
                try await db.insert(into: N.table).columns(N.personaID, N.position, N.task, N.service)
                    .values(SQLBind(id), SQLBind(position), SQLBind(need.task), SQLBind(need.service)).run()
            }
            for (position, slot) in availability.enumerated() {
                try await db.insert(into: S.table).columns(S.personaID, S.position, S.day, S.startMinute, S.endMinute)
                    .values(SQLBind(id), SQLBind(position), SQLBind(slot.day), SQLBind(slot.span.start), SQLBind(slot.span.end)).run()
            }
            for (position, support) in specificSupports.enumerated() {
                try await db.insert(into: T.table).columns(T.personaID, T.position, T.support)
                    .values(SQLBind(id), SQLBind(position), SQLBind(support)).run()
            }
        }
    }
}
