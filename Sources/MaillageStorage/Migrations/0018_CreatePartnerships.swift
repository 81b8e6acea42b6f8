import SQLKit

/// The network: links between structures, one row per pair and kind (a second identical link is a conflict, not a
/// copy), the orientation rules with their ordered steps, and the orientations sent between structures.
struct CreatePartnerships: Migration {
    let name = "0018_partnerships"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "partnerships")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("territory", type: .text, .notNull)
            .column("from_structure", type: .text, .notNull)
            .column("to_structure", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("meeting_id", type: .bigint)
            .column("notes", type: .text, .notNull)
            .column("confirmed", type: db.booleanType, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .unique("from_structure", "to_structure", "kind")
            .check(
                "\(ident: "kind") IN ('oriente_vers', 'recoit_de', 'convention', 'co_animation', 'mutualisation', 'projet_commun', 'autre')"
                    as SQLQueryString,
                named: nil as String?
            )
            .check("\(ident: "state") IN ('envisage', 'existant', 'a_formaliser', 'formalise')" as SQLQueryString, named: nil as String?)
            .check(
                "\(ident: "from_structure") <> \(ident: "to_structure") AND length(\(ident: "notes")) <= 1000 AND length(\(ident: "territory")) = 9"
                    as SQLQueryString,
                named: nil as String?
            )
            .run()
        try await db.create(index: "partnerships_territory").on("partnerships").column("territory").run()
        try await db.create(table: "orientation_rules")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("territory", type: .text, .notNull)
            .column("commune_code", type: .text, .notNull)
            .column("need", type: .text, .notNull)
            .column("target_public", type: .text)
            .column("situation_constraint", type: .text)
            .column("note", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .check(
                "\(ident: "situation_constraint") IS NULL OR \(ident: "situation_constraint") IN ('sans_equipement', 'sans_internet', 'autre_langue', 'handicap')"
                    as SQLQueryString,
                named: nil as String?
            )
            .check("length(\(ident: "note")) <= 1000 AND length(\(ident: "commune_code")) = 5" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: "orientation_rule_steps")
            .column("rule_id", type: .bigint, .notNull)
            .column("position", type: .int, .notNull)
            .column("structure_id", type: .text, .notNull)
            .column("approach", type: .text, .notNull)
            .column("contact", type: .text, .notNull)
            .primaryKey("rule_id", "position")
            .foreignKey(["rule_id"], references: "orientation_rules", ["id"], onDelete: .cascade)
            .check(
                "\(ident: "approach") IN ('se_presenter', 'telephoner', 'fiche_prescription', 'rdv_en_ligne') AND length(\(ident: "contact")) <= 200"
                    as SQLQueryString,
                named: nil as String?
            )
            .run()
        try await db.create(table: "referrals")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("territory", type: .text, .notNull)
            .column("from_structure", type: .text, .notNull)
            .column("to_structure", type: .text, .notNull)
            .column("need", type: .text, .notNull)
            .column("person", type: .text, .notNull)
            .column("contact", type: .text, .notNull)
            .column("note", type: .text, .notNull)
            .column("consent_at", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("refusal_reason", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .column("anonymised", type: db.booleanType, .notNull)
            .check(
                "\(ident: "status") IN ('envoyee', 'recue', 'acceptee', 'refusee', 'honoree', 'sans_suite', 'expiree')" as SQLQueryString,
                named: nil as String?
            )
            .check(
                "\(ident: "from_structure") <> \(ident: "to_structure") AND length(\(ident: "person")) <= 40 AND length(\(ident: "contact")) <= 120 AND length(\(ident: "note")) <= 500 AND length(\(ident: "refusal_reason")) <= 300"
                    as SQLQueryString, named: nil as String?
            )
            .run()
        try await db.create(index: "referrals_from").on("referrals").column("from_structure").run()
        try await db.create(index: "referrals_to").on("referrals").column("to_structure").run()
    }
}
