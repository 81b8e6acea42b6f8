import Foundation
import Hummingbird
import MaillageCore
import MaillageSources
import MaillageStorage

/// `/journal` and `/journal.csv`: the trail of changes, filtered by person, object and period; a coordinator reads
/// their territories' events, an administrator every event.
struct JournalController {
    let audit: AuditRepository
    let pages: PageRenderer
    let gate: AccessGate

    func register(on router: Router<AppRequestContext>) {
        router.get(.journal) { request, context in
            let (filter, query) = try filter(request, context)
            return pages.render(JournalPage(events: try await audit.events(filter), query: query), for: context.visitor)
        }
        router.get(.journalCSV) { request, context in
            let (filter, _) = try filter(request, context)
            let iso = ISO8601DateFormatter()
            let rows = try await audit.events(filter).map { event in
                [
                    iso.string(from: event.at), event.actorLabel, event.territory?.rawValue ?? "", event.action, event.objectKind, event.objectID,
                    event.before ?? "", event.after ?? ""
                ]
            }
            let document = CSVDialect.excel.document([["date", "personne", "territoire", "action", "objet", "identifiant", "avant", "après"]] + rows)
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"journal.csv\""],
                body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }

    /// The filter asked for, limited to what the person may read; and the query string to repeat it.
    private func filter(_ request: Request, _ context: AppRequestContext) throws -> (AuditRepository.Filter, String) {
        let actor = try gate.signedIn(request, context)
        let everything = gate.policy.allows(actor, .readJournal(nil))
        let readable = Set(actor.territories.filter { gate.policy.allows(actor, .readJournal($0)) })
        guard everything || !readable.isEmpty else {
            throw HTTPError(.forbidden, message: "Le journal se lit par les coordinateurs d'un territoire et les administrateurs.")
        }
        let reader = QueryReader(request)
        var filter = AuditRepository.Filter(territories: everything ? nil : readable)
        var items: [(String, String)] = []
        if let person = try reader.single("personne") {
            guard let id = Int(person) else { throw ParameterError(parameter: "personne", message: "un numéro de compte") }
            filter.actorID = id
            items.append(("personne", person))
        }
        if let kind = try reader.single("objet") { filter.objectKind = kind; items.append(("objet", kind)) }
        for (name, isStart) in [("du", true), ("au", false)] {
            guard let text = try reader.single(name) else { continue }
            guard let day = CalendarDay(text), let date = Self.startOfDay(day) else {
                throw ParameterError(parameter: name, message: "une date AAAA-MM-JJ")
            }
            if isStart { filter.from = date } else { filter.until = date + 24 * 3600 }
            items.append((name, day.description))
        }
        return (filter, URLQuery.encode(items))
    }

    /// Midnight of a day in Paris.
    static func startOfDay(_ day: CalendarDay) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
    }
}
