/// `/rejoindre`: a participant joins a meeting's open workshop with its code, giving only a first name or initials.
struct JoinPage: PageModel {
    let template = TemplateName.join
    /// The form's field names.
    let fields = JoinFormField.names
    let title = "Rejoindre un atelier — Maillage"
    var action = SiteURL.join.path
    var code: String
    var name: String
    var currentBoardURL: String?
    var errors: [String]
    var hasErrors: Bool

    init(code: String = "", name: String = "", currentMeetingID: Int? = nil, errors: [String] = []) {
        self.code = code
        self.name = name
        currentBoardURL = currentMeetingID.map { SiteURL.board(.value($0)).path }
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
