import SQLKit

/// The workshop's personas, seeded with the default library of nine as it was written when this migration shipped:
/// literal rows (identifier, first name, commune, JSON body), so that a later change to the ``Persona`` type or its
/// library never changes what this migration does. `0006_typed_personas` converts the bodies into typed columns.
struct CreatePersonas: Migration {
    let name = "0004_personas"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "personas")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("first_name", type: .text, .notNull)
            .column("commune_code", type: .text, .notNull)
            .column("version", type: .bigint, .notNull)
            .column("body", type: .text, .notNull)
            .check(SQLRaw("length(commune_code) = 5 AND version >= 1"), named: nil as String?)
            .run()
        for (id, firstName, commune, body) in Self.defaultLibrary {
            try await db.insert(into: "personas").columns("id", "first_name", "commune_code", "version", "body")
                .values(SQLBind(id), SQLBind(firstName), SQLBind(commune), SQLBind(1), SQLBind(body))
                .run()
        }
    }

    private static let defaultLibrary: [(String, String, String, String)] = [
        (
            "marcel", "Marcel", "59491",
            #"{"ageBand":"75-et-plus","autonomy":"aucune","availability":[{"day":0,"span":{"end":720,"start":480}},{"day":1,"span":{"end":720,"start":480}},{"day":2,"span":{"end":720,"start":480}},{"day":3,"span":{"end":720,"start":480}},{"day":4,"span":{"end":720,"start":480}},{"day":0,"span":{"end":1080,"start":720}},{"day":1,"span":{"end":1080,"start":720}},{"day":2,"span":{"end":1080,"start":720}},{"day":3,"span":{"end":1080,"start":720}},{"day":4,"span":{"end":1080,"start":720}}],"commune":"59491","description":"78 ans, veuf, vit seul à Raismes. N'a ni ordinateur ni smartphone. Doit renouveler sa carte d'identité et ne conduit plus.","equipment":"aucun","firstName":"Marcel","freeOnly":true,"id":"marcel","internetAtHome":false,"maxMinutes":45,"mobility":"bus","needs":[{"service":"Aide aux démarches administratives","task":"faire la pré-demande de carte d'identité en ligne (ANTS)"},{"service":"Maîtrise des outils numériques du quotidien","task":"prendre un rendez-vous médical en ligne"}],"situation":"retraite-seul","specificSupports":[]}"#
        ),
        (
            "karima", "Karima", "59172",
            #"{"ageBand":"26-59","autonomy":"debutant","availability":[{"day":5,"span":{"end":720,"start":480}}],"commune":"59172","description":"34 ans, mère de deux enfants, habite le quartier prioritaire de Denain. Travaille en semaine ; n'a qu'un smartphone avec peu de données.","equipment":"smartphone","firstName":"Karima","freeOnly":true,"id":"karima","internetAtHome":false,"maxMinutes":45,"mobility":"bus","needs":[{"service":"Parentalité et éducation avec le numérique","task":"inscrire ses enfants à la cantine sur le portail de la commune"},{"service":"Aide aux démarches administratives","task":"déclarer ses revenus en ligne"}],"qpv":"QP059050","situation":"parent","specificSupports":[]}"#
        ),
        (
            "kevin", "Kévin", "59526",
            #"{"ageBand":"moins-de-26","autonomy":"intermediaire","availability":[{"day":0,"span":{"end":1080,"start":720}},{"day":1,"span":{"end":1080,"start":720}},{"day":2,"span":{"end":1080,"start":720}},{"day":3,"span":{"end":1080,"start":720}},{"day":4,"span":{"end":1080,"start":720}}],"commune":"59526","description":"19 ans, sorti du lycée sans diplôme, vit chez sa mère à Saint-Amand-les-Eaux. À l'aise avec son téléphone, pas avec les démarches.","equipment":"smartphone","firstName":"Kévin","freeOnly":true,"id":"kevin","internetAtHome":true,"maxMinutes":45,"mobility":"bus","needs":[{"service":"Insertion professionnelle via le numérique","task":"créer son espace France Travail et rédiger un CV"},{"service":"Aide aux démarches administratives","task":"faire sa demande d'aide au logement (CAF)"}],"situation":"demandeur-emploi","specificSupports":[]}"#
        ),
        (
            "sylvie", "Sylvie", "59491",
            #"{"ageBand":"26-59","autonomy":"debutant","availability":[{"day":0,"span":{"end":720,"start":480}},{"day":1,"span":{"end":720,"start":480}},{"day":2,"span":{"end":720,"start":480}},{"day":3,"span":{"end":720,"start":480}},{"day":4,"span":{"end":720,"start":480}}],"commune":"59491","description":"52 ans, licenciée après 25 ans dans la même usine, vit à Raismes. A un vieil ordinateur mais pas d'abonnement internet.","equipment":"ordinateur","firstName":"Sylvie","freeOnly":true,"id":"sylvie","internetAtHome":false,"maxMinutes":20,"mobility":"voiture","needs":[{"service":"Insertion professionnelle via le numérique","task":"postuler à des offres d'emploi en ligne"},{"service":"Utilisation sécurisée du numérique","task":"reconnaître les messages frauduleux et sécuriser ses comptes"}],"situation":"demandeur-emploi","specificSupports":[]}"#
        ),
        (
            "amadou", "Amadou", "59172",
            #"{"ageBand":"26-59","autonomy":"debutant","availability":[{"day":0,"span":{"end":720,"start":480}},{"day":1,"span":{"end":720,"start":480}},{"day":2,"span":{"end":720,"start":480}},{"day":3,"span":{"end":720,"start":480}},{"day":4,"span":{"end":720,"start":480}},{"day":0,"span":{"end":1080,"start":720}},{"day":1,"span":{"end":1080,"start":720}},{"day":2,"span":{"end":1080,"start":720}},{"day":3,"span":{"end":1080,"start":720}},{"day":4,"span":{"end":1080,"start":720}}],"commune":"59172","description":"41 ans, arrivé en France il y a un an, vit à Denain. Parle peu le français, a un smartphone sans forfait internet.","equipment":"smartphone","firstName":"Amadou","freeOnly":true,"id":"amadou","internetAtHome":false,"maxMinutes":45,"mobility":"bus","needs":[{"service":"Aide aux démarches administratives","task":"créer son compte Ameli et demander sa carte Vitale"},{"service":"Maîtrise des outils numériques du quotidien","task":"apprendre à se servir de son smartphone (messagerie, plans)"}],"situation":"nouvel-arrivant","specificSupports":["Langues étrangères (autres)"]}"#
        ),
        (
            "jeanne", "Jeanne", "59526",
            #"{"ageBand":"75-et-plus","autonomy":"aucune","availability":[{"day":0,"span":{"end":720,"start":480}},{"day":1,"span":{"end":720,"start":480}},{"day":2,"span":{"end":720,"start":480}},{"day":3,"span":{"end":720,"start":480}},{"day":4,"span":{"end":720,"start":480}}],"commune":"59526","description":"81 ans, malvoyante, vit seule à Saint-Amand-les-Eaux. Sa fille habite loin ; elle sort le matin, à pied.","equipment":"aucun","firstName":"Jeanne","freeOnly":true,"id":"jeanne","internetAtHome":false,"maxMinutes":20,"mobility":"a-pied","needs":[{"service":"Aide aux démarches administratives","task":"demander l'allocation personnalisée d'autonomie (APA)"}],"situation":"retraite-seul","specificSupports":["Déficience visuelle"]}"#
        ),
        (
            "lucas", "Lucas", "59491",
            #"{"ageBand":"moins-de-26","autonomy":"autonome","availability":[{"day":0,"span":{"end":1260,"start":1080}},{"day":1,"span":{"end":1260,"start":1080}},{"day":2,"span":{"end":1260,"start":1080}},{"day":3,"span":{"end":1260,"start":1080}},{"day":4,"span":{"end":1260,"start":1080}},{"day":5,"span":{"end":720,"start":480}},{"day":5,"span":{"end":1080,"start":720}}],"commune":"59491","description":"22 ans, étudiant à Valenciennes, loge à Raismes. Son ordinateur est en panne ; il est libre le soir et le samedi.","equipment":"smartphone","firstName":"Lucas","freeOnly":false,"id":"lucas","internetAtHome":true,"maxMinutes":45,"mobility":"bus","needs":[{"service":"Acquisition de matériel informatique à prix solidaire","task":"acheter un ordinateur reconditionné à petit prix"},{"service":"Accès internet et matériel informatique","task":"imprimer et numériser son dossier de bourse"}],"situation":"etudiant","specificSupports":[]}"#
        ),
        (
            "nadia", "Nadia", "59172",
            #"{"ageBand":"26-59","autonomy":"debutant","availability":[{"day":0,"span":{"end":1260,"start":1080}},{"day":1,"span":{"end":1260,"start":1080}},{"day":2,"span":{"end":1260,"start":1080}},{"day":3,"span":{"end":1260,"start":1080}},{"day":4,"span":{"end":1260,"start":1080}},{"day":5,"span":{"end":720,"start":480}}],"commune":"59172","description":"45 ans, agente d'entretien à Denain, horaires décalés. Lit difficilement ; a un smartphone et la box à la maison.","equipment":"smartphone","firstName":"Nadia","freeOnly":true,"id":"nadia","internetAtHome":true,"maxMinutes":20,"mobility":"voiture","needs":[{"service":"Aide aux démarches administratives","task":"déclarer ses revenus en ligne"},{"service":"Utilisation sécurisée du numérique","task":"repérer les arnaques par SMS"}],"qpv":"QP059050","situation":"salarie-precaire","specificSupports":["Illettrisme"]}"#
        ),
        (
            "bernard", "Bernard", "59526",
            #"{"ageBand":"60-74","autonomy":"intermediaire","availability":[{"day":0,"span":{"end":720,"start":480}},{"day":1,"span":{"end":720,"start":480}},{"day":2,"span":{"end":720,"start":480}},{"day":3,"span":{"end":720,"start":480}},{"day":4,"span":{"end":720,"start":480}},{"day":0,"span":{"end":1080,"start":720}},{"day":1,"span":{"end":1080,"start":720}},{"day":2,"span":{"end":1080,"start":720}},{"day":3,"span":{"end":1080,"start":720}},{"day":4,"span":{"end":1080,"start":720}}],"commune":"59526","description":"67 ans, en fauteuil roulant depuis un accident, vit à Saint-Amand-les-Eaux. Se sert d'un ordinateur mais bloque sur les dossiers en ligne.","equipment":"ordinateur","firstName":"Bernard","freeOnly":true,"id":"bernard","internetAtHome":true,"maxMinutes":45,"mobility":"bus","needs":[{"service":"Aide aux démarches administratives","task":"renouveler ses droits à la MDPH en ligne"},{"service":"Loisirs et créations numériques","task":"partager ses photos avec sa famille"}],"situation":"situation-handicap","specificSupports":["Handicaps moteurs"]}"#
        )
    ]
}
