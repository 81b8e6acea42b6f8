/// What the site knows of one of its HTML pages (a `GET` route of ``SiteURL``): where it sits in the main navigation,
/// whether the footer links it, and the addresses the accessibility check opens. The navigation, the footer, the
/// `/aide` page and the accessibility check's list are all made from these, so a new page is known everywhere by its
/// case alone.
struct SitePage: Sendable {
    /// A main-navigation entry: the French label of its link, and the sentence `/aide` says of it.
    struct Entry: Sendable {
        var label: String
        var summary: String
    }

    /// Who opens a page in the accessibility check.
    enum Audience: String, Sendable, Codable {
        /// Anyone, without an account.
        case visitor
        /// A coordinator of the demo territory, signed in.
        case coordinator
        /// A participant who joined the demo meeting's workshop with its code.
        case participant
    }

    /// One address the accessibility check opens, under a short name (its screenshots' file name).
    struct Visit: Sendable, Codable, Equatable {
        var name: String
        var path: String
        var audience: Audience
        /// The address exists once the check has prepared the demo meeting (``DemoTerritory/cycle`` and ``DemoTerritory/meeting``).
        var needsMeeting: Bool
        /// The status the page answers with: `400` for the page of a mistake.
        var status: Int

        init(_ name: String, _ path: String, as audience: Audience = .visitor, needsMeeting: Bool = false, status: Int = 200) {
            self.name = name
            self.path = path
            self.audience = audience
            self.needsMeeting = needsMeeting
            self.status = status
        }
    }

    /// The main-navigation entry this page is, nil when it is not one.
    var entry: Entry?
    /// The main-navigation entry the page comes under, and the template it renders (marked as current on it).
    var section: (entry: SiteURL, view: TemplateName)?
    /// The label of its link in every page's footer, nil when the footer does not link it.
    var footer: String?
    /// The addresses the accessibility check opens; empty only when `unchecked` says why.
    var visits: [Visit]
    /// Why the accessibility check cannot open the page.
    var unchecked: String?

    init(
        entry: Entry? = nil, section: (entry: SiteURL, view: TemplateName)? = nil, footer: String? = nil, visits: [Visit] = [],
        unchecked: String? = nil
    ) {
        self.entry = entry
        self.section = section
        self.footer = footer
        self.visits = visits
        self.unchecked = unchecked
    }
}
