/// The name of every template file shipped in `Templates/` (its file name without `.mustache`): a page model names
/// its template by one of these, and a test checks that every file has its case and every case its file.
enum TemplateName: String, CaseIterable, Sendable {
    case accessibility
    case account
    case board
    case choosePassword = "choose-password"
    case commune
    case communeDatalist = "commune-datalist"  // a partial
    case communeDiagnostic = "commune-diagnostic"
    case communePlaces = "commune-places"  // a partial
    case contact
    case cycle
    case cycleForm = "cycle-form"
    case cycles
    case declaration
    case declarations
    case diagnostic
    case disagreements
    case error
    case help
    case home
    case invitations
    case join
    case journal
    case journey
    case layout  // a partial
    case legalNotice = "legal-notice"
    case matrix
    case meeting
    case meetingChanges = "meeting-changes"
    case meetingForm = "meeting-form"
    case meetingReport = "meeting-report"
    case missingPlaceRows = "missing-place-rows"  // a partial
    case missingPlaces = "missing-places"
    case missingTerritory = "missing-territory"
    case notice
    case orient
    case orientationRules = "orientation-rules"
    case partnerships
    case persona
    case personaEdit = "persona-edit"
    case personas
    case place
    case placeForm = "place-form"
    case placeFormFields = "place-form-fields"  // a partial
    case placeItem = "place-item"  // a partial
    case placeListMatches = "place-list-matches"  // a partial
    case placeReport = "place-report"
    case privacy
    case recoveryCodes = "recovery-codes"
    case referrals
    case search
    case searchForm = "search-form"  // a partial
    case secondFactor = "second-factor"
    case sheet
    case signIn = "sign-in"
    case siteMap = "site-map"
    case structure
    case structures
    case territory
    case vigilance
}
