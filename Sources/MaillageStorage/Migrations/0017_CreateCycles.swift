import SQLKit

/// The meeting cycle: cycles and their organisers and animateurs, meetings and their agenda, participants, the live
/// workshop's cards and meeting-scoped passes, and the snapshots frozen when a meeting closes.
struct CreateCycles: Migration {
    let name = "0017_cycles"

    private typealias C = CycleTables.Cycle
    private typealias P = CycleTables.Person
    private typealias M = CycleTables.Meeting
    private typealias A = CycleTables.Agenda
    private typealias R = CycleTables.Participant
    private typealias K = CycleTables.Contribution
    private typealias S = CycleTables.Pass

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: C.table)
            .column(C.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(C.territory, type: .text, .notNull)
            .column(C.title, type: .text, .notNull)
            .column(C.goal, type: .text, .notNull)
            .column(C.startsOn, type: .text)
            .column(C.endsOn, type: .text)
            .column(C.createdAt, type: .text, .notNull)
            .check("length(\(ident: C.territory)) = 9 AND length(\(ident: C.title)) BETWEEN 1 AND 200 AND length(\(ident: C.goal)) <= 2000" as SQLQueryString,
                   named: nil as String?)
            .run()
        try await db.create(table: P.table)
            .column(P.cycleID, type: .bigint, .notNull)
            .column(P.role, type: .text, .notNull)
            .column(P.position, type: .int, .notNull)
            .column(P.name, type: .text, .notNull)
            .primaryKey(P.cycleID, P.role, P.position)
            .foreignKey([P.cycleID], references: C.table, [C.id], onDelete: .cascade)
            .check("\(ident: P.role) IN ('organisateur', 'animateur') AND length(\(ident: P.name)) BETWEEN 1 AND 120" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: M.table)
            .column(M.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(M.cycleID, type: .bigint, .notNull)
            .column(M.startsAt, type: .text, .notNull)
            .column(M.venuePlaceID, type: .text)
            .column(M.venue, type: .text, .notNull)
            .column(M.focusCommunes, type: .text, .notNull)
            .column(M.workshop, type: .text, .notNull)
            .column(M.joinCode, type: .text, .unique)
            .column(M.decisions, type: .text, .notNull)
            .column(M.version, type: .bigint, .notNull)
            .foreignKey([M.cycleID], references: C.table, [C.id], onDelete: .cascade)
            .check("\(ident: M.workshop) IN ('en_preparation', 'ouvert', 'clos')" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: M.venue)) BETWEEN 1 AND 300 AND length(\(ident: M.decisions)) <= 4000" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(index: "meetings_cycle").on(M.table).column(M.cycleID).run()
        try await db.create(table: A.table)
            .column(A.meetingID, type: .bigint, .notNull)
            .column(A.position, type: .int, .notNull)
            .column(A.title, type: .text, .notNull)
            .column(A.kind, type: .text, .notNull)
            .column(A.minutes, type: .int)
            .primaryKey(A.meetingID, A.position)
            .foreignKey([A.meetingID], references: M.table, [M.id], onDelete: .cascade)
            .check("\(ident: A.kind) IN ('interconnaissance', 'diagnostic', 'parcours', 'partenariats', 'restitution', 'autre')" as SQLQueryString,
                   named: nil as String?)
            .check("length(\(ident: A.title)) BETWEEN 1 AND 200 AND (\(ident: A.minutes) IS NULL OR \(ident: A.minutes) BETWEEN 5 AND 480)" as SQLQueryString,
                   named: nil as String?)
            .run()
        try await db.create(table: R.table)
            .column(R.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(R.meetingID, type: .bigint, .notNull)
            .column(R.name, type: .text, .notNull)
            .column(R.structure, type: .text, .notNull)
            .column(R.structureID, type: .text)
            .column(R.profile, type: .text, .notNull)
            .column(R.commune, type: .text)
            .column(R.registration, type: .text, .notNull)
            .column(R.attended, type: db.booleanType, .notNull)
            .column(R.namedInPublic, type: db.booleanType, .notNull)
            .foreignKey([R.meetingID], references: M.table, [M.id], onDelete: .cascade)
            .check("\(ident: R.profile) IN ('acteur_inclusion', 'acteur_eloigne', 'acteur_terrain', 'elu', 'animateur')" as SQLQueryString,
                   named: nil as String?)
            .check("\(ident: R.registration) IN ('invite', 'inscrit')" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: R.name)) BETWEEN 1 AND 80 AND length(\(ident: R.structure)) <= 200" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(index: "participants_meeting").on(R.table).column(R.meetingID).run()
        try await db.create(table: K.table)
            .column(K.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(K.meetingID, type: .bigint, .notNull)
            .column(K.tableCommune, type: .text, .notNull)
            .column(K.kind, type: .text, .notNull)
            .column(K.text, type: .text, .notNull)
            .column(K.placeID, type: .text)
            .column(K.neighbourCommune, type: .text)
            .column(K.personaID, type: .text)
            .column(K.authorLabel, type: .text, .notNull)
            .column(K.createdAt, type: .text, .notNull)
            .column(K.visibility, type: .text, .notNull)
            .column(K.mergedInto, type: .bigint)
            .column(K.clientKey, type: .text, .notNull)
            .unique(K.meetingID, K.clientKey)
            .foreignKey([K.meetingID], references: M.table, [M.id], onDelete: .cascade)
            .check("\(ident: K.kind) IN ('ressource', 'lieu_manquant', 'besoin_difficile', 'ressource_voisine', 'partenariat', 'orientation', 'parcours')"
                   as SQLQueryString, named: nil as String?)
            .check("\(ident: K.visibility) IN ('visible', 'masquee', 'fusionnee')" as SQLQueryString, named: nil as String?)
            .check("length(\(ident: K.text)) BETWEEN 1 AND 600 AND length(\(ident: K.authorLabel)) BETWEEN 1 AND 80" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: S.table)
            .column(S.tokenHash, type: .text, .primaryKey(autoIncrement: false))
            .column(S.meetingID, type: .bigint, .notNull)
            .column(S.label, type: .text, .notNull)
            .column(S.expiresAt, type: .text, .notNull)
            .foreignKey([S.meetingID], references: M.table, [M.id], onDelete: .cascade)
            .run()
        try await createSnapshots(on: db)
    }

    private func createSnapshots(on db: any SQLDatabase) async throws {
        typealias N = CycleTables.Snapshot
        typealias V = CycleTables.SnapshotCoverage
        typealias L = CycleTables.SnapshotPlace
        typealias G = CycleTables.SnapshotMissing
        typealias T = CycleTables.SnapshotCount
        try await db.create(table: N.table)
            .column(N.meetingID, type: .bigint, .primaryKey(autoIncrement: false))
            .column(N.takenAt, type: .text, .notNull)
            .foreignKey([N.meetingID], references: M.table, [M.id], onDelete: .cascade)
            .run()
        try await db.create(table: V.table)
            .column(V.meetingID, type: .bigint, .notNull).column(V.commune, type: .text, .notNull)
            .column(V.need, type: .text, .notNull).column(V.coverage, type: .text, .notNull)
            .primaryKey(V.meetingID, V.commune, V.need)
            .foreignKey([V.meetingID], references: N.table, [N.meetingID], onDelete: .cascade)
            .run()
        try await db.create(table: L.table)
            .column(L.meetingID, type: .bigint, .notNull).column(L.placeID, type: .text, .notNull)
            .column(L.name, type: .text, .notNull).column(L.commune, type: .text)
            .primaryKey(L.meetingID, L.placeID)
            .foreignKey([L.meetingID], references: N.table, [N.meetingID], onDelete: .cascade)
            .run()
        try await db.create(table: G.table)
            .column(G.meetingID, type: .bigint, .notNull).column(G.missingID, type: .bigint, .notNull)
            .column(G.summary, type: .text, .notNull).column(G.status, type: .text, .notNull)
            .primaryKey(G.meetingID, G.missingID)
            .foreignKey([G.meetingID], references: N.table, [N.meetingID], onDelete: .cascade)
            .run()
        try await db.create(table: T.table)
            .column(T.meetingID, type: .bigint, .notNull).column(T.kind, type: .text, .notNull).column(T.count, type: .int, .notNull)
            .primaryKey(T.meetingID, T.kind)
            .foreignKey([T.meetingID], references: N.table, [N.meetingID], onDelete: .cascade)
            .run()
    }
}
