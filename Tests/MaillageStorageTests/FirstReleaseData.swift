import Foundation
import SQLKit

/// Real data of CAPH written as the first release (migrations 0001…0005) stored it, in the plain SQL of that time: the
/// EPCI and two of its communes with their postal codes, QPV, fragility, broadband and adjacency; two source records
/// of Denain as the CAPH pack holds them (Aidants Connect, a library) as JSON bodies, one merged place built from the
/// first, and an import run with its report as JSON. The personas are the nine that 0004 seeds; Karima's was edited once.
enum FirstReleaseData {
    /// The last migration of the first release.
    static let lastMigration = "0005_pending_blocks"

    static let caph = "200042190"

    /// The source records' bodies, as the repository of that time encoded a `SourceRecord` (sorted keys).
    static let aidantsConnect = #"""
        {"place":{"adresse":"640 RUE BERTHELOT","autresFormationsLabels":[],"codeInsee":"59172","codePostal":"59220","commune":"Denain","coordinate":{"latitude":50.32899,"longitude":3.39216},"courriels":[],"dateMaj":"2021-03-15","dispositifProgrammesNationaux":["Aidants Connect"],"formationsLabels":[],"fraisACharge":[],"id":"10642","itinerance":[],"modalitesAcces":[],"modalitesAccompagnement":["Accompagnement individuel"],"nom":"Maison de quartiers Solange Tonini","pivot":"78386425900198","precision":"commune","priseEnChargeSpecifique":[],"publicsSpecifiquementAdresses":[],"services":["Aide aux démarches administratives"],"siteWeb":[],"source":"Aidants Connect","typologie":[],"unmappedValues":[]},"provenance":{"dateMaj":"2021-03-15","source":"aidants-connect","sourceID":"10642"}}
        """#
    static let library = #"""
        {"place":{"adresse":"146 RUE DE VILLARS","autresFormationsLabels":[],"codeInsee":"59172","codePostal":"59220","commune":"Denain","coordinate":{"latitude":50.326678,"longitude":3.39441},"courriels":[],"dateMaj":"2020-11-01","dispositifProgrammesNationaux":[],"formationsLabels":[],"fraisACharge":[],"id":"2490","itinerance":[],"modalitesAcces":[],"modalitesAccompagnement":[],"nom":"Mediatheque Intercommunale – JACQUES PREVERT","pivot":"","precision":"adresse","priseEnChargeSpecifique":[],"publicsSpecifiquementAdresses":[],"services":[],"siteWeb":[],"source":"Ministère de la Culture","structureParente":"Bibliothèque municipale","typologie":["BIB"],"unmappedValues":[]},"provenance":{"dateMaj":"2020-11-01","source":"bibliotheques","sourceID":"2490"}}
        """#

    /// The report of an import, as the repository of that time encoded it.
    static let report = #"""
        {"accepted":2,"file":"aidants-connect-structures-2023-01.json","format":"aidants-connect","rejections":[{"expected":"5 chiffres","field":"code_postal","line":3,"value":"ABCDE"}],"rowsRead":3,"unmapped":{"services: Autre":2},"vocabularyRevision":"2022","warnings":[{"line":2,"message":"horaires illisibles"}]}
        """#

    static func write(on db: any SQLDatabase) async throws {
        for statement: SQLQueryString in [
            "INSERT INTO epcis (siren, name, kind, population) VALUES ('200042190', 'CA de la Porte du Hainaut', 'CA', 159883)",
            "INSERT INTO epci_members (epci_siren, commune_code) VALUES ('200042190', '59172'), ('200042190', '59491')",
            """
            INSERT INTO communes (code, name, postal_code, population, latitude, longitude, area_km2, epci_siren, boundary)
            VALUES ('59172', 'Denain', '59220', 20640, 50.32899, 3.39216, 11.52, '200042190', NULL),
                   ('59491', 'Raismes', '59590', 12055, 50.4117, 3.4886, 33.31, '200042190', NULL)
            """,
            "INSERT INTO commune_postal_codes (postal_code, commune_code) VALUES ('59220', '59172'), ('59590', '59491')",
            "INSERT INTO qpvs (code, commune_names, population) VALUES ('QP059050', 'Denain, Douchy-les-Mines, Lourches', 13195)",
            "INSERT INTO qpv_communes (qpv_code, commune_code) VALUES ('QP059050', '59172')",
            """
            INSERT INTO fragility (commune_code, global_score, access_score, skills_score, iris_count)
            VALUES ('59172', 105.38924983716667, 98.76450336933334, 112.01399630566668, 6)
            """,
            """
            INSERT INTO broadband (commune_code, premises, ineligible, at_least_8, at_least_30, at_least_100)
            VALUES ('59172', 8787, 0, 8787, 1276, 106)
            """,
            "INSERT INTO commune_adjacency (a, b) VALUES ('59172', '59491')",
            """
            INSERT INTO source_records (source, source_id, date_maj, block_key, fingerprint, body)
            VALUES ('aidants-connect', '10642', '2021-03-15', '59172', 'fp-1', \(bind: aidantsConnect)),
                   ('bibliotheques', '2490', '2020-11-01', '59172', 'fp-2', \(bind: library))
            """,
            """
            INSERT INTO places (id, nom, block_key, commune_code, code_postal, latitude, longitude, precision, date_maj, body)
            VALUES ('10642', 'Maison de quartiers Solange Tonini', '59172', '59172', '59220', 50.32899, 3.39216, 'commune', '2021-03-15', '{}')
            """,
            "INSERT INTO place_sources (source, source_id, place_id) VALUES ('aidants-connect', '10642', '10642')",
            """
            INSERT INTO import_runs (id, file, format, started_at, status, rows_read, accepted, rejected, report)
            VALUES ('run-1', 'aidants-connect-structures-2023-01.json', 'aidants-connect', \(bind: Self.recentStart), 'importé', 3, 2, 1, \(bind: report))
            """,
            "UPDATE personas SET version = 2 WHERE id = 'karima'"
        ] {
            try await db.raw(statement).run()
        }
    }

    /// Import runs are kept 400 days: this one is recent.
    static var recentStart: String { ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400)) }
}
