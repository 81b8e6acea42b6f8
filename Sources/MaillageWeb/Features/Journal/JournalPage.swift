import MaillageCore

/// `/journal`: the trail, newest first.
struct JournalPage: PageModel {
    struct Row {
        var at: String
        var actor: String
        var territory: String?
        var action: String
        var object: String
        var before: String?
        var after: String?
    }

    let template = TemplateName.journal
    let title = "Journal des modifications — Maillage"
    var rows: [Row]
    var hasRows: Bool
    var csvURL: String

    init(events: [AuditEvent], query: String) {
        rows = events.map { event in
            Row(
                at: French.date(event.at), actor: event.actorLabel, territory: event.territory?.rawValue, action: event.action,
                object: "\(event.objectKind) \(event.objectID)", before: event.before.map { String($0.prefix(300)) },
                after: event.after.map { String($0.prefix(300)) })
        }
        hasRows = !rows.isEmpty
        csvURL = SiteURL.journalCSV.path(encodedQuery: query)
    }
}
