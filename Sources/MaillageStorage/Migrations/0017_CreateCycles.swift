import SQLKit

/// The meeting cycle: cycles and their organisers and animateurs, meetings and their agenda, participants, the live
/// workshop's cards and meeting-scoped passes, and the snapshots frozen when a meeting closes.
struct CreateCycles: Migration {
    let name = "0017_cycles"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "cycles")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("territory", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("goal", type: .text, .notNull)
            .column("starts_on", type: .text)
            .column("ends_on", type: .text)
            .column("created_at", type: .text, .notNull)
            .check(
                "length(\(ident: "territory")) = 9 AND length(\(ident: "title")) BETWEEN 1 AND 200 AND length(\(ident: "goal")) <= 2000"
                    as SQLQueryString,
                named: nil as String?
            )
            .run()
        try await db.create(table: "cycle_people")
            .column("cycle_id", type: .bigint, .notNull)
            .column("role", type: .text, .notNull)
            .column("position", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .primaryKey("cycle_id", "role", "position")
            .foreignKey(["cycle_id"], references: "cycles", ["id"], onDelete: .cascade)
            .check(
                "\(ident: "role") IN ('organisateur', 'animateur') AND length(\(ident: "name")) BETWEEN 1 AND 120" as SQLQueryString,
                named: nil as String?
            )
            .run()
        try await db.create(table: "meetings")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("cycle_id", type: .bigint, .notNull)
            .column("starts_at", type: .text, .notNull)
            .column("venue_place_id", type: .text)
            .column("venue", type: .text, .notNull)
            .column("focus_communes", type: .text, .notNull)
            .column("workshop_state", type: .text, .notNull)
            .column("join_code", type: .text, .unique)
            .column("decisions", type: .text, .notNull)
            .column("version", type: .bigint, .notNull)
            .foreignKey(["cycle_id"], references: "cycles", ["id"], onDelete: .cascade)
            .check("\(ident: "workshop_state") IN ('en_preparation', 'ouvert', 'clos')" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: "venue")) BETWEEN 1 AND 300 AND length(\(ident: "decisions")) <= 4000" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(index: "meetings_cycle").on("meetings").column("cycle_id").run()
        try await db.create(table: "meeting_agenda")
            .column("meeting_id", type: .bigint, .notNull)
            .column("position", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("minutes", type: .int)
            .primaryKey("meeting_id", "position")
            .foreignKey(["meeting_id"], references: "meetings", ["id"], onDelete: .cascade)
            .check(
                "\(ident: "kind") IN ('interconnaissance', 'diagnostic', 'parcours', 'partenariats', 'restitution', 'autre')" as SQLQueryString,
                named: nil as String?
            )
            .check(
                "length(\(ident: "title")) BETWEEN 1 AND 200 AND (\(ident: "minutes") IS NULL OR \(ident: "minutes") BETWEEN 5 AND 480)"
                    as SQLQueryString,
                named: nil as String?
            )
            .run()
        try await db.create(table: "meeting_participants")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("meeting_id", type: .bigint, .notNull)
            .column("name", type: .text, .notNull)
            .column("structure", type: .text, .notNull)
            .column("structure_id", type: .text)
            .column("profile", type: .text, .notNull)
            .column("commune_code", type: .text)
            .column("registration", type: .text, .notNull)
            .column("attended", type: db.booleanType, .notNull)
            .column("named_in_public", type: db.booleanType, .notNull)
            .foreignKey(["meeting_id"], references: "meetings", ["id"], onDelete: .cascade)
            .check(
                "\(ident: "profile") IN ('acteur_inclusion', 'acteur_eloigne', 'acteur_terrain', 'elu', 'animateur')" as SQLQueryString,
                named: nil as String?
            )
            .check("\(ident: "registration") IN ('invite', 'inscrit')" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: "name")) BETWEEN 1 AND 80 AND length(\(ident: "structure")) <= 200" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(index: "participants_meeting").on("meeting_participants").column("meeting_id").run()
        try await db.create(table: "workshop_cards")
            .column("id", type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column("meeting_id", type: .bigint, .notNull)
            .column("table_commune", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("body", type: .text, .notNull)
            .column("place_id", type: .text)
            .column("neighbour_commune", type: .text)
            .column("persona_id", type: .text)
            .column("author_label", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("visibility", type: .text, .notNull)
            .column("merged_into", type: .bigint)
            .column("client_key", type: .text, .notNull)
            .unique("meeting_id", "client_key")
            .foreignKey(["meeting_id"], references: "meetings", ["id"], onDelete: .cascade)
            .check(
                "\(ident: "kind") IN ('ressource', 'lieu_manquant', 'besoin_difficile', 'ressource_voisine', 'partenariat', 'orientation', 'parcours')"
                    as SQLQueryString, named: nil as String?
            )
            .check("\(ident: "visibility") IN ('visible', 'masquee', 'fusionnee')" as SQLQueryString, named: nil as String?)
            .check(
                "length(\(ident: "body")) BETWEEN 1 AND 600 AND length(\(ident: "author_label")) BETWEEN 1 AND 80" as SQLQueryString,
                named: nil as String?
            )
            .run()
        try await db.create(table: "workshop_passes")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("meeting_id", type: .bigint, .notNull)
            .column("label", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .foreignKey(["meeting_id"], references: "meetings", ["id"], onDelete: .cascade)
            .run()
        try await createSnapshots(on: db)
    }

    private func createSnapshots(on db: any SQLDatabase) async throws {
        try await db.create(table: "meeting_snapshots")
            .column("meeting_id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("taken_at", type: .text, .notNull)
            .foreignKey(["meeting_id"], references: "meetings", ["id"], onDelete: .cascade)
            .run()
        try await db.create(table: "snapshot_coverage")
            .column("meeting_id", type: .bigint, .notNull).column("commune_code", type: .text, .notNull)
            .column("need", type: .text, .notNull).column("coverage", type: .text, .notNull)
            .primaryKey("meeting_id", "commune_code", "need")
            .foreignKey(["meeting_id"], references: "meeting_snapshots", ["meeting_id"], onDelete: .cascade)
            .run()
        try await db.create(table: "snapshot_places")
            .column("meeting_id", type: .bigint, .notNull).column("place_id", type: .text, .notNull)
            .column("name", type: .text, .notNull).column("commune_code", type: .text)
            .primaryKey("meeting_id", "place_id")
            .foreignKey(["meeting_id"], references: "meeting_snapshots", ["meeting_id"], onDelete: .cascade)
            .run()
        try await db.create(table: "snapshot_missing")
            .column("meeting_id", type: .bigint, .notNull).column("missing_id", type: .bigint, .notNull)
            .column("summary", type: .text, .notNull).column("status", type: .text, .notNull)
            .primaryKey("meeting_id", "missing_id")
            .foreignKey(["meeting_id"], references: "meeting_snapshots", ["meeting_id"], onDelete: .cascade)
            .run()
        try await db.create(table: "snapshot_counts")
            .column("meeting_id", type: .bigint, .notNull).column("kind", type: .text, .notNull).column("card_count", type: .int, .notNull)
            .primaryKey("meeting_id", "kind")
            .foreignKey(["meeting_id"], references: "meeting_snapshots", ["meeting_id"], onDelete: .cascade)
            .run()
    }
}
