import SQLKit

/// The network: links between structures, one row per pair and kind (a second identical link is a conflict, not a
/// copy), the orientation rules with their ordered steps, and the orientations sent between structures.
struct CreatePartnerships: Migration {
    let name = "0018_partnerships"

    private typealias L = PartnershipTables.Link

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: L.table)
            .column(L.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(L.territory, type: .text, .notNull)
            .column(L.from, type: .text, .notNull)
            .column(L.to, type: .text, .notNull)
            .column(L.kind, type: .text, .notNull)
            .column(L.state, type: .text, .notNull)
            .column(L.meetingID, type: .bigint)
            .column(L.notes, type: .text, .notNull)
            .column(L.confirmed, type: db.booleanType, .notNull)
            .column(L.createdAt, type: .text, .notNull)
            .column(L.updatedAt, type: .text, .notNull)
            .unique(L.from, L.to, L.kind)
            .check("\(ident: L.kind) IN ('oriente_vers', 'recoit_de', 'convention', 'co_animation', 'mutualisation', 'projet_commun', 'autre')" as SQLQueryString,
                   named: nil as String?)
            .check("\(ident: L.state) IN ('envisage', 'existant', 'a_formaliser', 'formalise')" as SQLQueryString, named: nil as String?)
            .check("\(ident: L.from) <> \(ident: L.to) AND length(\(ident: L.notes)) <= 1000 AND length(\(ident: L.territory)) = 9" as SQLQueryString,
                   named: nil as String?)
            .run()
        try await db.create(index: "partnerships_territory").on(L.table).column(L.territory).run()
        typealias R = PartnershipTables.Rule
        typealias S = PartnershipTables.RuleStep
        try await db.create(table: R.table)
            .column(R.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(R.territory, type: .text, .notNull)
            .column(R.commune, type: .text, .notNull)
            .column(R.need, type: .text, .notNull)
            .column(R.targetPublic, type: .text)
            .column(R.constraint, type: .text)
            .column(R.note, type: .text, .notNull)
            .column(R.updatedAt, type: .text, .notNull)
            .check("\(ident: R.constraint) IS NULL OR \(ident: R.constraint) IN ('sans_equipement', 'sans_internet', 'autre_langue', 'handicap')" as SQLQueryString,
                   named: nil as String?)
            .check("length(\(ident: R.note)) <= 1000 AND length(\(ident: R.commune)) = 5" as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(table: S.table)
            .column(S.ruleID, type: .bigint, .notNull)
            .column(S.position, type: .int, .notNull)
            .column(S.structureID, type: .text, .notNull)
            .column(S.approach, type: .text, .notNull)
            .column(S.contact, type: .text, .notNull)
            .primaryKey(S.ruleID, S.position)
            .foreignKey([S.ruleID], references: R.table, [R.id], onDelete: .cascade)
            .check("\(ident: S.approach) IN ('se_presenter', 'telephoner', 'fiche_prescription', 'rdv_en_ligne') AND length(\(ident: S.contact)) <= 200" as SQLQueryString,
                   named: nil as String?)
            .run()
        typealias O = PartnershipTables.Referral
        try await db.create(table: O.table)
            .column(O.id, type: db.sequenceType, .primaryKey(autoIncrement: true))
            .column(O.territory, type: .text, .notNull)
            .column(O.from, type: .text, .notNull)
            .column(O.to, type: .text, .notNull)
            .column(O.need, type: .text, .notNull)
            .column(O.person, type: .text, .notNull)
            .column(O.contact, type: .text, .notNull)
            .column(O.note, type: .text, .notNull)
            .column(O.consentAt, type: .text, .notNull)
            .column(O.status, type: .text, .notNull)
            .column(O.refusalReason, type: .text, .notNull)
            .column(O.createdAt, type: .text, .notNull)
            .column(O.updatedAt, type: .text, .notNull)
            .column(O.anonymised, type: db.booleanType, .notNull)
            .check("\(ident: O.status) IN ('envoyee', 'recue', 'acceptee', 'refusee', 'honoree', 'sans_suite', 'expiree')" as SQLQueryString, named: nil as String?)
            .check("\(ident: O.from) <> \(ident: O.to) AND length(\(ident: O.person)) <= 40 AND length(\(ident: O.contact)) <= 120 AND length(\(ident: O.note)) <= 500 AND length(\(ident: O.refusalReason)) <= 300"
                   as SQLQueryString, named: nil as String?)
            .run()
        try await db.create(index: "referrals_from").on(O.table).column(O.from).run()
        try await db.create(index: "referrals_to").on(O.table).column(O.to).run()
    }
}
