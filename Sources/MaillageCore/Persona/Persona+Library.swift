extension Persona {
    /// The default library: the publics the seed's participants work with — seniors, young people, job seekers,
    /// families, people who do not read French well, people with a disability, QPV residents, someone with no equipment
    /// at all — living in the three focus communes of CAPH (Raismes, Denain, Saint-Amand-les-Eaux). All fictional.
    public static let defaultLibrary: [Persona] = [
        Persona(
            id: "marcel", firstName: "Marcel",
            description: "78 ans, veuf, vit seul à Raismes. N'a ni ordinateur ni smartphone. Doit renouveler sa carte d'identité et ne conduit plus.",
            ageBand: .over75, commune: raismes, situation: .retiredAlone, equipment: .none, internetAtHome: false, autonomy: .none,
            mobility: .bus, maxMinutes: 45, availability: weekdays(.matin) + weekdays(.apresMidi), freeOnly: true,
            needs: [
                PersonaNeed(task: "faire la pré-demande de carte d'identité en ligne (ANTS)", service: .aideDemarchesAdministratives),
                PersonaNeed(task: "prendre un rendez-vous médical en ligne", service: .maitriseOutilsNumeriques)
            ]),
        Persona(
            id: "karima", firstName: "Karima",
            description:
                "34 ans, mère de deux enfants, habite le quartier prioritaire de Denain. Travaille en semaine ; n'a qu'un smartphone avec peu de données.",
            ageBand: .from26to59, commune: denain, qpv: "QP059050", situation: .parent, equipment: .smartphoneOnly, internetAtHome: false,
            autonomy: .beginner, mobility: .bus, maxMinutes: 45, availability: [WeeklySlot(day: .saturday, part: .matin)], freeOnly: true,
            needs: [
                PersonaNeed(task: "inscrire ses enfants à la cantine sur le portail de la commune", service: .parentaliteEducation),
                PersonaNeed(task: "déclarer ses revenus en ligne", service: .aideDemarchesAdministratives)
            ]),
        Persona(
            id: "kevin", firstName: "Kévin",
            description:
                "19 ans, sorti du lycée sans diplôme, vit chez sa mère à Saint-Amand-les-Eaux. À l'aise avec son téléphone, pas avec les démarches.",
            ageBand: .under26, commune: saintAmand, situation: .jobSeeker, equipment: .smartphoneOnly, internetAtHome: true,
            autonomy: .intermediate, mobility: .bus, maxMinutes: 45, availability: weekdays(.apresMidi), freeOnly: true,
            needs: [
                PersonaNeed(task: "créer son espace France Travail et rédiger un CV", service: .insertionProfessionnelle),
                PersonaNeed(task: "faire sa demande d'aide au logement (CAF)", service: .aideDemarchesAdministratives)
            ]),
        Persona(
            id: "sylvie", firstName: "Sylvie",
            description: "52 ans, licenciée après 25 ans dans la même usine, vit à Raismes. A un vieil ordinateur mais pas d'abonnement internet.",
            ageBand: .from26to59, commune: raismes, situation: .jobSeeker, equipment: .computer, internetAtHome: false, autonomy: .beginner,
            mobility: .car, maxMinutes: 20, availability: weekdays(.matin), freeOnly: true,
            needs: [
                PersonaNeed(task: "postuler à des offres d'emploi en ligne", service: .insertionProfessionnelle),
                PersonaNeed(task: "reconnaître les messages frauduleux et sécuriser ses comptes", service: .utilisationSecurisee)
            ]),
        Persona(
            id: "amadou", firstName: "Amadou",
            description: "41 ans, arrivé en France il y a un an, vit à Denain. Parle peu le français, a un smartphone sans forfait internet.",
            ageBand: .from26to59, commune: denain, situation: .newlyArrived, equipment: .smartphoneOnly, internetAtHome: false,
            autonomy: .beginner, specificSupports: [.languesEtrangeresAutres], mobility: .bus, maxMinutes: 45,
            availability: weekdays(.matin) + weekdays(.apresMidi), freeOnly: true,
            needs: [
                PersonaNeed(task: "créer son compte Ameli et demander sa carte Vitale", service: .aideDemarchesAdministratives),
                PersonaNeed(task: "apprendre à se servir de son smartphone (messagerie, plans)", service: .maitriseOutilsNumeriques)
            ]),
        Persona(
            id: "jeanne", firstName: "Jeanne",
            description: "81 ans, malvoyante, vit seule à Saint-Amand-les-Eaux. Sa fille habite loin ; elle sort le matin, à pied.",
            ageBand: .over75, commune: saintAmand, situation: .retiredAlone, equipment: .none, internetAtHome: false, autonomy: .none,
            specificSupports: [.deficienceVisuelle], mobility: .onFoot, maxMinutes: 20, availability: weekdays(.matin), freeOnly: true,
            needs: [PersonaNeed(task: "demander l'allocation personnalisée d'autonomie (APA)", service: .aideDemarchesAdministratives)]),
        Persona(
            id: "lucas", firstName: "Lucas",
            description: "22 ans, étudiant à Valenciennes, loge à Raismes. Son ordinateur est en panne ; il est libre le soir et le samedi.",
            ageBand: .under26, commune: raismes, situation: .student, equipment: .smartphoneOnly, internetAtHome: true, autonomy: .autonomous,
            mobility: .bus, maxMinutes: 45,
            availability: weekdays(.soir) + [WeeklySlot(day: .saturday, part: .matin), WeeklySlot(day: .saturday, part: .apresMidi)],
            freeOnly: false,
            needs: [
                PersonaNeed(task: "acheter un ordinateur reconditionné à petit prix", service: .acquisitionMaterielSolidaire),
                PersonaNeed(task: "imprimer et numériser son dossier de bourse", service: .accesInternetMateriel)
            ]),
        Persona(
            id: "nadia", firstName: "Nadia",
            description: "45 ans, agente d'entretien à Denain, horaires décalés. Lit difficilement ; a un smartphone et la box à la maison.",
            ageBand: .from26to59, commune: denain, qpv: "QP059050", situation: .lowWageWorker, equipment: .smartphoneOnly,
            internetAtHome: true, autonomy: .beginner, specificSupports: [.illettrisme], mobility: .car, maxMinutes: 20,
            availability: weekdays(.soir) + [WeeklySlot(day: .saturday, part: .matin)], freeOnly: true,
            needs: [
                PersonaNeed(task: "déclarer ses revenus en ligne", service: .aideDemarchesAdministratives),
                PersonaNeed(task: "repérer les arnaques par SMS", service: .utilisationSecurisee)
            ]),
        Persona(
            id: "bernard", firstName: "Bernard",
            description:
                "67 ans, en fauteuil roulant depuis un accident, vit à Saint-Amand-les-Eaux. Se sert d'un ordinateur mais bloque sur les dossiers en ligne.",
            ageBand: .from60to74, commune: saintAmand, situation: .disabled, equipment: .computer, internetAtHome: true,
            autonomy: .intermediate, specificSupports: [.handicapsMoteurs], mobility: .bus, maxMinutes: 45,
            availability: weekdays(.matin) + weekdays(.apresMidi), freeOnly: true,
            needs: [
                PersonaNeed(task: "renouveler ses droits à la MDPH en ligne", service: .aideDemarchesAdministratives),
                PersonaNeed(task: "partager ses photos avec sa famille", service: .loisirsCreations)
            ])
    ]

    private static let raismes = CommuneCode("59491")!
    private static let denain = CommuneCode("59172")!
    private static let saintAmand = CommuneCode("59526")!

    /// The same part of the day from Monday to Friday.
    public static func weekdays(_ part: WeeklySlot.Part) -> [WeeklySlot] {
        [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].map { WeeklySlot(day: $0, part: part) }
    }
}
