/// The site's fixed links as every template reads them (`{{site.personas}}`): templates receive URLs, never paths.
enum SiteLinks {
    static let tree: [String: String] = [
        "home": SiteURL.home.path,
        "stylesheet": SiteURL.stylesheet.path,
        "search": SiteURL.search.path,
        "orient": SiteURL.orient.path,
        "orientResults": SiteURL.orientResults.path,
        "diagnostic": SiteURL.diagnostic.path,
        "personas": SiteURL.personas.path,
        "newPersona": SiteURL.newPersona.path,
        "workshop": SiteURL.workshop.path,
        "apiPlaces": SiteURL.api(.places).path,
        "signIn": SiteURL.signIn.path,
        "signOut": SiteURL.signOut.path,
        "account": SiteURL.account.path,
        "accountPassword": SiteURL.accountPassword.path,
        "signOutEverywhere": SiteURL.signOutEverywhere.path,
        "invitations": SiteURL.invitations.path,
        "journal": SiteURL.journal.path,
        "journalCSV": SiteURL.journalCSV.path,
        "privacy": SiteURL.privacy.path,
        "declarations": SiteURL.declarations.path,
        "proposePlace": SiteURL.proposePlace.path,
        "structures": SiteURL.structures.path,
        "missingPlaces": SiteURL.missingPlaces.path,
    ]
}
