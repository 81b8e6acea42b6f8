import HTTPTypes
import MaillageCore

/// Every page and API route of the site, with its method: routes are registered from these cases and links are made
/// from them, so that a link and its route cannot drift apart (a test checks the router and the OpenAPI document
/// against ``SiteURL/routes``).
///
/// A case with a parameter takes `.key` to name the route (`/personas/:id`) and `.value(…)` to make a link.
enum SiteURL: Hashable, Sendable {
    case home
    case stylesheet
    case logo
    case search
    case orient
    case orientResults
    case orientSheet
    case orientationRules
    case referrals
    case referralCountsCSV
    case answerReferral(Parameter<Int>)
    case deleteOrientationRule(Parameter<Int>)
    case place(Parameter<String>)
    case commune(Parameter<CommuneCode>)
    case territory(Parameter<Siren>)
    case declarePlace(Parameter<String>)
    case reportPlace(Parameter<String>)
    case proposePlace
    case declarations
    case declaration(Parameter<String>)
    case takeDeclaration(Parameter<String>)
    case decideDeclaration(Parameter<String>)
    case disagreements(Parameter<Siren>)
    case vigilance(Parameter<Siren>)
    case territoryPlacesCSV(Parameter<Siren>)
    case territoryPlacesJSON(Parameter<Siren>)
    case territoryCorrectionsCSV(Parameter<Siren>)
    case structures
    case structure(Parameter<String>)
    case missingPlaces
    case newMissingPlace
    case supportMissingPlace(Parameter<String>)
    case updateMissingPlace(Parameter<String>)
    case diagnostic
    case diagnosticReport
    case communeDiagnostic(Parameter<CommuneCode>)
    case personas
    case newPersona
    case persona(Parameter<String>)
    case editPersona(Parameter<String>)
    case duplicatePersona(Parameter<String>)
    case deletePersona(Parameter<String>)
    case journey(Parameter<String>)
    case workshop
    case workshopCSV
    case signIn
    case signOut
    case account
    case accountPassword
    case signOutEverywhere
    case secondFactor
    case secondFactorOff
    case recoveryCodes
    case invitations
    case invitation(Parameter<String>)
    case resetLink(Parameter<String>)
    case revokeRole(Parameter<String>)
    case reset(Parameter<String>)
    case journal
    case journalCSV
    case privacy
    case legalNotice
    case accessibility
    case siteMap
    case contact
    case help
    case seedPersonas
    case cycles
    case newCycle
    case cycle(Parameter<Int>)
    case editCycle(Parameter<Int>)
    case cycleReport(Parameter<Int>)
    case newMeeting(Parameter<Int>)
    case cycleMeetings(Parameter<Int>)
    case meeting(Parameter<Int>)
    case editMeeting(Parameter<Int>)
    case participants(Parameter<Int>)
    case attendance(Parameter<Int>)
    case removeParticipant(Parameter<Int>, Parameter<Int>)
    case workshopState(Parameter<Int>)
    case workshopCode(Parameter<Int>)
    case projectionLink(Parameter<Int>)
    case board(Parameter<Int>)
    case boardEvents(Parameter<Int>)
    case moderateCard(Parameter<Int>, Parameter<Int>)
    case meetingReport(Parameter<Int>)
    case meetingReportODT(Parameter<Int>)
    case meetingChanges(Parameter<Int>)
    case join
    case workshopScript
    case partnerships
    case partnershipsCSV
    case partnership(Parameter<Int>)
    case confirmPartnership(Parameter<Int>)
    case health
    case metrics
    case api(APIURL)

    /// The routes of the JSON API, under `/api/v1`.
    enum APIURL: Hashable, Sendable {
        case places
        case place(Parameter<String>)
        case search
        case searchCSV
        case searchGeoJSON
        case communes
        case commune(Parameter<CommuneCode>)
        case territories
        case territory(Parameter<Siren>)
        case diagnostic
        case diagnosticCSV
        case diagnosticGeoJSON
        case personas
        case persona(Parameter<String>)
        case journey(Parameter<String>)
        case workshop
        case partnerships
        case partnershipSuggestions
        case orientationRules
        case referralFlows
        case openAPI
    }

    /// The path of a link (parameters percent-encoded), or of a route pattern for a case built with `.key`.
    var path: String { "/" + components.map(\.text).joined(separator: "/") }

    /// The path with a query string (nothing appended when `query` is empty).
    func path(query: [(String, String)]) -> String {
        query.isEmpty ? path : path + "?" + URLQuery.encode(query)
    }

    /// The path with an already encoded query string (nothing appended when it is empty).
    func path(encodedQuery: String) -> String {
        encodedQuery.isEmpty ? path : path + "?" + encodedQuery
    }

    /// The route pattern with its parameters in braces (`/personas/{id}`), as the router and OpenAPI write it.
    var template: String { Self.template(components) }

    static func template(_ components: [Component]) -> String {
        "/"
            + components.map { component in
                switch component {
                case .literal(let text): text
                case .parameter(let name, _): "{\(name)}"
                }
            }.joined(separator: "/")
    }

    /// One segment of a path: fixed text, or a parameter given by value or named as a route key.
    enum Component {
        case literal(String)
        case parameter(name: String, value: String?)

        var text: String {
            switch self {
            case .literal(let text): text
            case .parameter(let name, nil): ":\(name)"
            case .parameter(_, let value?): URLQuery.component(value)
            }
        }
    }

    var components: [Component] {
        switch self {
        case .home: []
        case .stylesheet: [.literal("style.css")]
        case .logo: [.literal("logo")]
        case .search: [.literal("recherche")]
        case .orient: [.literal("orienter")]
        case .orientResults: [.literal("orienter"), .literal("resultats")]
        case .orientSheet: [.literal("orienter"), .literal("fiche")]
        case .orientationRules: [.literal("orienter"), .literal("regles")]
        case .referrals: [.literal("orientations")]
        case .referralCountsCSV: [.literal("orientations.csv")]
        case .answerReferral(let id): [.literal("orientations"), id.component("id"), .literal("reponse")]
        case .deleteOrientationRule(let id): [.literal("orienter"), .literal("regles"), id.component("id"), .literal("supprimer")]
        case .place(let id): [.literal("lieux"), id.component("id")]
        case .commune(let code): [.literal("communes"), code.component("code")]
        case .territory(let siren): [.literal("territoires"), siren.component("siren")]
        case .declarePlace(let id): [.literal("lieux"), id.component("id"), .literal("declarer")]
        case .reportPlace(let id): [.literal("lieux"), id.component("id"), .literal("signaler")]
        case .proposePlace: [.literal("proposer-un-lieu")]
        case .declarations: [.literal("declarations")]
        case .declaration(let id): [.literal("declarations"), id.component("id")]
        case .takeDeclaration(let id): [.literal("declarations"), id.component("id"), .literal("prendre")]
        case .decideDeclaration(let id): [.literal("declarations"), id.component("id"), .literal("decider")]
        case .disagreements(let siren): [.literal("territoires"), siren.component("siren"), .literal("desaccords")]
        case .vigilance(let siren): [.literal("territoires"), siren.component("siren"), .literal("vigilance")]
        case .territoryPlacesCSV(let siren): [.literal("territoires"), siren.component("siren"), .literal("lieux.csv")]
        case .territoryPlacesJSON(let siren): [.literal("territoires"), siren.component("siren"), .literal("lieux.json")]
        case .territoryCorrectionsCSV(let siren): [.literal("territoires"), siren.component("siren"), .literal("corrections.csv")]
        case .structures: [.literal("structures")]
        case .structure(let id): [.literal("structures"), id.component("id")]
        case .missingPlaces: [.literal("lieux-manquants")]
        case .newMissingPlace: [.literal("lieux-manquants"), .literal("nouveau")]
        case .supportMissingPlace(let id): [.literal("lieux-manquants"), id.component("id"), .literal("soutien")]
        case .updateMissingPlace(let id): [.literal("lieux-manquants"), id.component("id"), .literal("statut")]
        case .diagnostic: [.literal("diagnostic")]
        case .diagnosticReport: [.literal("diagnostic.html")]
        case .communeDiagnostic(let code): [.literal("diagnostic"), .literal("communes"), code.component("code")]
        case .personas: [.literal("personas")]
        case .newPersona: [.literal("personas"), .literal("nouveau")]
        case .persona(let id): [.literal("personas"), id.component("id")]
        case .editPersona(let id): [.literal("personas"), id.component("id"), .literal("modifier")]
        case .duplicatePersona(let id): [.literal("personas"), id.component("id"), .literal("dupliquer")]
        case .deletePersona(let id): [.literal("personas"), id.component("id"), .literal("supprimer")]
        case .journey(let id): [.literal("personas"), id.component("id"), .literal("parcours")]
        case .workshop: [.literal("atelier")]
        case .workshopCSV: [.literal("atelier.csv")]
        case .signIn: [.literal("connexion")]
        case .signOut: [.literal("deconnexion")]
        case .account: [.literal("compte")]
        case .accountPassword: [.literal("compte"), .literal("mot-de-passe")]
        case .signOutEverywhere: [.literal("compte"), .literal("deconnexion-partout")]
        case .secondFactor: [.literal("compte"), .literal("second-facteur")]
        case .secondFactorOff: [.literal("compte"), .literal("second-facteur"), .literal("desactiver")]
        case .recoveryCodes: [.literal("compte"), .literal("codes-de-secours")]
        case .invitations: [.literal("invitations")]
        case .invitation(let token): [.literal("invitation"), token.component("jeton")]
        case .resetLink(let account): [.literal("comptes"), account.component("compte"), .literal("reinitialisation")]
        case .revokeRole(let account): [.literal("comptes"), account.component("compte"), .literal("roles"), .literal("retirer")]
        case .reset(let token): [.literal("reinitialisation"), token.component("jeton")]
        case .journal: [.literal("journal")]
        case .journalCSV: [.literal("journal.csv")]
        case .privacy: [.literal("donnees-personnelles")]
        case .legalNotice: [.literal("mentions-legales")]
        case .accessibility: [.literal("accessibilite")]
        case .siteMap: [.literal("plan-du-site")]
        case .contact: [.literal("contact")]
        case .help: [.literal("aide")]
        case .seedPersonas: [.literal("personas"), .literal("bibliotheque")]
        case .cycles: [.literal("cycles")]
        case .newCycle: [.literal("cycles"), .literal("nouveau")]
        case .cycle(let id): [.literal("cycles"), id.component("id")]
        case .editCycle(let id): [.literal("cycles"), id.component("id"), .literal("modifier")]
        case .cycleReport(let id): [.literal("cycles"), id.component("id"), .literal("compte-rendu")]
        case .newMeeting(let id): [.literal("cycles"), id.component("id"), .literal("rencontres"), .literal("nouvelle")]
        case .cycleMeetings(let id): [.literal("cycles"), id.component("id"), .literal("rencontres")]
        case .meeting(let id): [.literal("rencontres"), id.component("id")]
        case .editMeeting(let id): [.literal("rencontres"), id.component("id"), .literal("modifier")]
        case .participants(let id): [.literal("rencontres"), id.component("id"), .literal("participants")]
        case .attendance(let id): [.literal("rencontres"), id.component("id"), .literal("presences")]
        case .removeParticipant(let id, let person):
            [.literal("rencontres"), id.component("id"), .literal("participants"), person.component("participant"), .literal("retirer")]
        case .workshopState(let id): [.literal("rencontres"), id.component("id"), .literal("atelier"), .literal("etat")]
        case .workshopCode(let id): [.literal("rencontres"), id.component("id"), .literal("atelier"), .literal("code")]
        case .projectionLink(let id): [.literal("rencontres"), id.component("id"), .literal("atelier"), .literal("projection")]
        case .board(let id): [.literal("rencontres"), id.component("id"), .literal("atelier")]
        case .boardEvents(let id): [.literal("rencontres"), id.component("id"), .literal("atelier"), .literal("flux")]
        case .moderateCard(let id, let card):
            [.literal("rencontres"), id.component("id"), .literal("atelier"), .literal("cartes"), card.component("carte")]
        case .meetingReport(let id): [.literal("rencontres"), id.component("id"), .literal("compte-rendu")]
        case .meetingReportODT(let id): [.literal("rencontres"), id.component("id"), .literal("compte-rendu.odt")]
        case .meetingChanges(let id): [.literal("rencontres"), id.component("id"), .literal("evolution")]
        case .join: [.literal("rejoindre")]
        case .workshopScript: [.literal("atelier.js")]
        case .partnerships: [.literal("partenariats")]
        case .partnershipsCSV: [.literal("partenariats.csv")]
        case .partnership(let id): [.literal("partenariats"), id.component("id")]
        case .confirmPartnership(let id): [.literal("partenariats"), id.component("id"), .literal("confirmer")]
        case .health: [.literal("health")]
        case .metrics: [.literal("metrics")]
        case .api(let route): [.literal("api"), .literal("v1")] + route.components
        }
    }
}

extension SiteURL.APIURL {
    /// The segments after `/api/v1`.
    var components: [SiteURL.Component] {
        switch self {
        case .places: [.literal("places")]
        case .place(let id): [.literal("places"), id.component("id")]
        case .search: [.literal("recherche")]
        case .searchCSV: [.literal("recherche.csv")]
        case .searchGeoJSON: [.literal("recherche.geojson")]
        case .communes: [.literal("communes")]
        case .commune(let code): [.literal("communes"), code.component("code")]
        case .territories: [.literal("territoires")]
        case .territory(let siren): [.literal("territoires"), siren.component("siren")]
        case .diagnostic: [.literal("diagnostic")]
        case .diagnosticCSV: [.literal("diagnostic.csv")]
        case .diagnosticGeoJSON: [.literal("diagnostic.geojson")]
        case .personas: [.literal("personas")]
        case .persona(let id): [.literal("personas"), id.component("id")]
        case .journey(let id): [.literal("personas"), id.component("id"), .literal("parcours")]
        case .workshop: [.literal("atelier")]
        case .partnerships: [.literal("partenariats")]
        case .partnershipSuggestions: [.literal("partenariats"), .literal("suggestions")]
        case .orientationRules: [.literal("regles-orientation")]
        case .referralFlows: [.literal("orientations")]
        case .openAPI: [.literal("openapi.json")]
        }
    }

    /// The path as the OpenAPI document writes it: relative to its server `/api/v1`, parameters in braces.
    var openAPIPath: String { SiteURL.template(components) }
}

extension SiteURL {
    /// Every route the site answers, with its method; the router must register exactly these (tested).
    static let routes: [(method: HTTPRequest.Method, url: SiteURL)] = [
        (.get, .home), (.get, .stylesheet), (.get, .logo), (.get, .search), (.get, .orient), (.get, .orientResults), (.get, .orientSheet),
        (.get, .orientationRules), (.post, .orientationRules), (.post, .deleteOrientationRule(.key)),
        (.get, .referrals), (.post, .referrals), (.post, .answerReferral(.key)), (.get, .referralCountsCSV),
        (.get, .place(.key)), (.get, .commune(.key)), (.get, .territory(.key)),
        (.get, .declarePlace(.key)), (.post, .declarePlace(.key)), (.get, .reportPlace(.key)), (.post, .reportPlace(.key)),
        (.get, .proposePlace), (.post, .proposePlace), (.get, .declarations), (.get, .declaration(.key)), (.post, .takeDeclaration(.key)),
        (.post, .decideDeclaration(.key)), (.get, .disagreements(.key)), (.post, .disagreements(.key)), (.get, .vigilance(.key)),
        (.get, .territoryPlacesCSV(.key)), (.get, .territoryPlacesJSON(.key)), (.get, .territoryCorrectionsCSV(.key)),
        (.get, .structures), (.get, .structure(.key)), (.post, .structure(.key)),
        (.get, .missingPlaces), (.post, .missingPlaces), (.get, .newMissingPlace), (.post, .supportMissingPlace(.key)),
        (.post, .updateMissingPlace(.key)),
        (.get, .diagnostic), (.get, .diagnosticReport), (.get, .communeDiagnostic(.key)),
        (.get, .personas), (.post, .personas), (.get, .newPersona), (.get, .persona(.key)), (.get, .editPersona(.key)),
        (.post, .editPersona(.key)), (.post, .duplicatePersona(.key)), (.post, .deletePersona(.key)), (.get, .journey(.key)),
        (.get, .workshop), (.get, .workshopCSV), (.post, .seedPersonas),
        (.get, .cycles), (.post, .cycles), (.get, .newCycle), (.get, .cycle(.key)), (.get, .editCycle(.key)), (.post, .editCycle(.key)),
        (.get, .cycleReport(.key)), (.get, .newMeeting(.key)), (.post, .cycleMeetings(.key)), (.get, .meeting(.key)), (.get, .editMeeting(.key)),
        (.post, .editMeeting(.key)), (.post, .participants(.key)), (.post, .attendance(.key)), (.post, .removeParticipant(.key, .key)),
        (.post, .workshopState(.key)), (.post, .workshopCode(.key)), (.post, .projectionLink(.key)), (.get, .board(.key)), (.post, .board(.key)),
        (.get, .boardEvents(.key)), (.post, .moderateCard(.key, .key)),
        (.get, .meetingReport(.key)), (.get, .meetingReportODT(.key)), (.get, .meetingChanges(.key)), (.get, .join), (.post, .join),
        (.get, .workshopScript), (.get, .partnerships), (.post, .partnerships), (.get, .partnershipsCSV), (.post, .partnership(.key)),
        (.post, .confirmPartnership(.key)),
        (.get, .signIn), (.post, .signIn), (.post, .signOut), (.get, .account), (.post, .accountPassword), (.post, .signOutEverywhere),
        (.get, .secondFactor), (.post, .secondFactor), (.post, .secondFactorOff), (.post, .recoveryCodes),
        (.get, .invitations), (.post, .invitations), (.get, .invitation(.key)), (.post, .invitation(.key)), (.post, .resetLink(.key)),
        (.post, .revokeRole(.key)),
        (.get, .reset(.key)), (.post, .reset(.key)), (.get, .journal), (.get, .journalCSV),
        (.get, .legalNotice), (.get, .accessibility), (.get, .privacy), (.get, .siteMap), (.get, .contact), (.get, .help),
        (.get, .health), (.get, .metrics),
        (.get, .api(.places)), (.get, .api(.place(.key))), (.get, .api(.search)), (.get, .api(.searchCSV)), (.get, .api(.searchGeoJSON)),
        (.get, .api(.communes)), (.get, .api(.commune(.key))), (.get, .api(.territories)), (.get, .api(.territory(.key))),
        (.get, .api(.diagnostic)), (.get, .api(.diagnosticCSV)), (.get, .api(.diagnosticGeoJSON)),
        (.get, .api(.personas)), (.get, .api(.persona(.key))), (.get, .api(.journey(.key))), (.get, .api(.workshop)),
        (.get, .api(.partnerships)), (.get, .api(.partnershipSuggestions)), (.get, .api(.orientationRules)), (.get, .api(.referralFlows)),
        (.get, .api(.openAPI))
    ]
}
