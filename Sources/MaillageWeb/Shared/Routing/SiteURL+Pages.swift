import MaillageCore

extension SiteURL {
    /// What the navigation and the accessibility check know of the page a `GET` of this case serves; nil for what is
    /// not an HTML page (a file, data, a stream) and for the cases only posted to.
    var page: SitePage? {
        typealias Visit = SitePage.Visit
        let demo = DemoTerritory.self
        switch self {
        case .home: return SitePage(visits: [Visit("accueil", path)])
        case .search:
            return SitePage(
                entry: .init(
                    label: "Trouver de l'aide",
                    summary: "Cherchez un lieu d'aide au numérique près d'une commune, par service, horaires et accessibilité."),
                section: (.search, .search),
                visits: [
                    Visit("recherche", path(query: [("ou", "Raismes"), ("services", demo.need), ("sur_place", "1")])),
                    Visit("recherche-voisins", path(query: [("ou", "Denain"), ("services", demo.neighbourNeed)])),
                    Visit("erreur", path(query: [("services", demo.unknownNeed)]), status: 400)
                ])
        case .orient:
            return SitePage(
                entry: .init(
                    label: "Orienter une personne",
                    summary: "Décrivez la situation d'une personne : Maillage propose les lieux qui conviennent et une fiche à lui remettre."),
                section: (.orient, .orient), visits: [Visit("orienter", path)])
        case .orientResults:
            return SitePage(visits: [
                Visit(
                    "orienter-resultats",
                    path(query: [
                        ("besoin", demo.need), ("ou", "Raismes"), ("equipement", "aucun"),
                        ("mobilite", "bus"), ("gratuit", "1")
                    ]))
            ])
        case .orientSheet:
            return SitePage(
                section: (.orient, .sheet),
                visits: [Visit("fiche", path(query: [("lieu", demo.sheetPlace), ("besoin", demo.need), ("ou", "Raismes")]))])
        case .orientationRules:
            return SitePage(
                section: (.orient, .orientationRules),
                visits: [Visit("règles-orientation", path), Visit("règles-orientation-ajouter", path, as: .coordinator)])
        case .referrals: return SitePage(section: (.orient, .referrals), visits: [Visit("orientations", path, as: .coordinator)])
        case .place: return SitePage(section: (.search, .place), visits: [Visit("lieu", Self.place(.value(demo.place)).path)])
        case .commune: return SitePage(section: (.search, .commune), visits: [Visit("commune", Self.commune(.value(demo.commune)).path)])
        case .territory: return SitePage(section: (.search, .territory), visits: [Visit("territoire", Self.territory(.value(demo.territory)).path)])
        case .declarePlace: return SitePage(visits: [Visit("declarer", Self.declarePlace(.value(demo.place)).path, as: .coordinator)])
        case .reportPlace: return SitePage(section: (.search, .placeReport), visits: [Visit("signaler", Self.reportPlace(.value(demo.place)).path)])
        case .proposePlace:
            return SitePage(visits: [Visit("proposer-un-lieu", path(query: [("commune", demo.neighbourCommune.rawValue)]), as: .coordinator)])
        case .declarations: return SitePage(visits: [Visit("declarations", path, as: .coordinator)])
        case .declaration: return SitePage(unchecked: "il faut qu'une structure ait d'abord déclaré un changement")
        case .disagreements: return SitePage(visits: [Visit("desaccords", Self.disagreements(.value(demo.territory)).path, as: .coordinator)])
        case .vigilance:
            return SitePage(
                section: (.diagnostic, .vigilance), visits: [Visit("vigilance", Self.vigilance(.value(demo.territory)).path, as: .coordinator)])
        case .structures: return SitePage(section: (.search, .structures), visits: [Visit("structures", path)])
        case .structure: return SitePage(section: (.search, .structure), visits: [Visit("structure", Self.structure(.value(demo.structure)).path)])
        case .missingPlaces: return SitePage(section: (.diagnostic, .missingPlaces), visits: [Visit("lieux-manquants", path)])
        case .newMissingPlace:
            return SitePage(visits: [
                Visit(
                    "lieu-manquant-nouveau",
                    path(query: [
                        ("territoire", demo.territory.rawValue), ("commune", demo.neighbourCommune.rawValue),
                        ("origine", "diagnostic")
                    ]), as: .coordinator)
            ])
        case .diagnostic:
            return SitePage(
                entry: .init(
                    label: "Diagnostic", summary: "Voyez, commune par commune, les services présents, les manques et ce que les ateliers en ont dit."),
                section: (.diagnostic, .diagnostic), visits: [Visit("diagnostic", path(query: [("epci", demo.territory.rawValue)]))])
        case .diagnosticReport: return SitePage(unchecked: "un rapport HTML que le navigateur télécharge, sans le gabarit du site")
        case .communeDiagnostic:
            return SitePage(
                section: (.diagnostic, .communeDiagnostic),
                visits: [Visit("diagnostic-commune", Self.communeDiagnostic(.value(demo.remoteCommune)).path)])
        case .personas:
            return SitePage(
                entry: .init(label: "Ateliers", summary: "Suivez le parcours de personas dans le territoire et préparez la matrice d'un atelier."),
                section: (.personas, .personas), visits: [Visit("personas", path)])
        case .newPersona:
            return SitePage(
                section: (.personas, .personaEdit),
                visits: [Visit("persona-nouveau", path, as: .coordinator)])
        case .persona: return SitePage(section: (.personas, .persona), visits: [Visit("persona", Self.persona(.value(demo.persona)).path)])
        case .editPersona: return SitePage(visits: [Visit("persona-modifier", Self.editPersona(.value(demo.persona)).path, as: .coordinator)])
        case .journey:
            return SitePage(
                section: (.personas, .journey),
                visits: [
                    Visit("parcours", Self.journey(.value(demo.persona)).path),
                    Visit("parcours-denain", Self.journey(.value(demo.otherPersona)).path(query: [("commune", demo.neighbourCommune.rawValue)]))
                ])
        case .workshop: return SitePage(section: (.personas, .matrix), visits: [Visit("atelier", path)])
        case .signIn: return SitePage(visits: [Visit("connexion", path)])
        case .account: return SitePage(visits: [Visit("compte", path, as: .coordinator)])
        case .secondFactor: return SitePage(visits: [Visit("second-facteur", path, as: .coordinator)])
        case .invitations: return SitePage(visits: [Visit("invitations", path, as: .coordinator)])
        case .invitation, .reset: return SitePage(unchecked: "s'ouvre par un lien à usage unique envoyé à la personne")
        case .journal: return SitePage(visits: [Visit("journal", path, as: .coordinator)])
        case .privacy: return SitePage(visits: [Visit("donnees-personnelles", path)])
        case .legalNotice: return SitePage(visits: [Visit("mentions-legales", path)])
        case .accessibility: return SitePage(visits: [Visit("accessibilite", path)])
        case .siteMap: return SitePage(visits: [Visit("plan-du-site", path)])
        case .contact: return SitePage(visits: [Visit("contact", path)])
        case .help: return SitePage(visits: [Visit("aide", path)])
        case .cycles:
            return SitePage(
                entry: .init(
                    label: "Rencontres", summary: "Organisez les rencontres du réseau, animez l'atelier en direct et partagez le compte-rendu."),
                section: (.cycles, .cycles), visits: [Visit("cycles", path)])
        case .newCycle:
            return SitePage(
                section: (.cycles, .cycleForm),
                visits: [Visit("cycle-nouveau", path(query: [("territoire", demo.territory.rawValue)]), as: .coordinator)])
        case .cycle:
            return SitePage(
                section: (.cycles, .cycle), visits: [Visit("cycle", Self.cycle(.value(demo.cycle)).path, as: .coordinator, needsMeeting: true)])
        case .editCycle:
            return SitePage(visits: [Visit("cycle-modifier", Self.editCycle(.value(demo.cycle)).path, as: .coordinator, needsMeeting: true)])
        case .cycleReport:
            return SitePage(visits: [Visit("compte-rendu-cycle", Self.cycleReport(.value(demo.cycle)).path, as: .coordinator, needsMeeting: true)])
        case .newMeeting:
            return SitePage(
                section: (.cycles, .meetingForm),
                visits: [Visit("rencontre-nouvelle", Self.newMeeting(.value(demo.cycle)).path, as: .coordinator, needsMeeting: true)])
        case .meeting:
            return SitePage(
                section: (.cycles, .meeting),
                visits: [Visit("rencontre", Self.meeting(.value(demo.meeting)).path, as: .coordinator, needsMeeting: true)])
        case .editMeeting:
            return SitePage(visits: [Visit("rencontre-modifier", Self.editMeeting(.value(demo.meeting)).path, as: .coordinator, needsMeeting: true)])
        case .board:
            let board = Self.board(.value(demo.meeting))
            return SitePage(
                section: (.cycles, .board),
                visits: [
                    Visit("tableau-animateur", board.path, as: .coordinator, needsMeeting: true),
                    Visit("tableau-projeté", board.path(query: [("vue", "projection")]), as: .coordinator, needsMeeting: true),
                    Visit("tableau-participant", board.path, as: .participant, needsMeeting: true)
                ])
        case .meetingReport:
            return SitePage(
                section: (.cycles, .meetingReport),
                visits: [Visit("compte-rendu", Self.meetingReport(.value(demo.meeting)).path, as: .coordinator, needsMeeting: true)])
        case .meetingChanges:
            return SitePage(
                section: (.cycles, .meetingChanges),
                visits: [Visit("évolution", Self.meetingChanges(.value(demo.meeting)).path, as: .coordinator, needsMeeting: true)])
        case .join: return SitePage(section: (.cycles, .join), visits: [Visit("rejoindre", path)])
        case .partnerships:
            return SitePage(
                section: (.cycles, .partnerships),
                visits: [
                    Visit("partenariats", path), Visit("partenariats-suggestions", path(query: [("commune", demo.commune.rawValue)])),
                    Visit("partenariats-déclarer", path, as: .coordinator)
                ])
        case .stylesheet, .logo, .referralCountsCSV, .territoryPlacesCSV, .territoryPlacesJSON, .territoryCorrectionsCSV, .workshopCSV, .journalCSV,
            .meetingReportODT, .boardEvents, .workshopScript, .partnershipsCSV, .health, .metrics, .api:
            return nil
        case .answerReferral, .deleteOrientationRule, .takeDeclaration, .decideDeclaration, .supportMissingPlace, .updateMissingPlace,
            .duplicatePersona, .deletePersona, .signOut, .accountPassword, .signOutEverywhere, .secondFactorOff, .recoveryCodes, .resetLink,
            .revokeRole, .seedPersonas, .cycleMeetings, .participants, .attendance, .removeParticipant, .workshopState, .workshopCode,
            .projectionLink, .moderateCard, .partnership, .confirmPartnership:
            return nil
        }
    }

    /// The label of the case's link in every page's footer, in the order of ``routes``; nil when the footer does not link it.
    var footerLabel: String? {
        switch self {
        case .legalNotice: "Mentions légales"
        case .accessibility: "Accessibilité : non conforme"
        case .privacy: "Données personnelles"
        case .siteMap: "Plan du site"
        case .contact: "Contact"
        case .help: "Aide"
        case .api(.places): "API"
        default: nil
        }
    }

    /// The name templates read the link under (`{{site.newPersona}}`): the case's name (`api` and the route's for the
    /// API); nil for a route with parameters, linked through its page model.
    var linkName: String? {
        guard !components.contains(where: { if case .parameter = $0 { true } else { false } }) else { return nil }
        guard case .api(let route) = self else { return "\(self)" }
        let name = "\(route)"
        return "api" + name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The `GET` routes, in the order of ``routes``.
    static let pageRoutes: [SiteURL] = routes.filter { $0.method == .get }.map(\.url)

    /// The main navigation's entries, in the order of ``routes``.
    static let navigation: [(url: SiteURL, entry: SitePage.Entry)] = pageRoutes.compactMap { url in url.page?.entry.map { (url, $0) } }

    /// Every address the accessibility check opens.
    static let accessibilityVisits: [SitePage.Visit] = pageRoutes.flatMap { $0.page?.visits ?? [] }
}

extension SiteURL {
    /// The address of a main-navigation entry: the diagnostic opens on the site's territory.
    func navigationPath(focus: Siren) -> String {
        self == .diagnostic ? path(query: [("epci", focus.rawValue)]) : path
    }
}
