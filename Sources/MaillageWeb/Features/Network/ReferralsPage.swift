import Foundation
import MaillageCore

/// `/orientations`: for a structure's member, the orientations their structures received (to answer) and sent (to
/// follow), and the form to send one.
struct ReferralsPage: PageModel {
    struct Answer {
        var status: String
        var label: String
        var needsReason: Bool
    }

    struct Item {
        var id: Int
        var need: String
        var other: String
        var otherURL: String
        var person: String
        var contact: String
        var note: String?
        var status: String
        var reason: String?
        var sentOn: String
        var answerURL: String?
        var expected: String
        var answers: [Answer]
        var hasAnswers: Bool
        var anonymised: Bool
    }

    let template = TemplateName.referrals
    /// The forms' field names.
    let fields = ReferralFormField.names
    let title = "Orientations entre structures — Maillage"
    var isMember: Bool
    var received: [Item]
    var hasReceived: Bool
    var sent: [Item]
    var hasSent: Bool
    var action: String
    var fromChoices: [FormChoice]
    var toChoices: [FormChoice]
    var needChoices: [FormChoice]
    var person: String
    var contact: String
    var note: String
    var errors: [String]
    var hasErrors: Bool
    var retentionDays: Int
    var answerDays: Int

    init(
        referrals: [Referral], mine: Set<String>, directory: StructureDirectory, candidates: [Structure], draft: Referral? = nil,
        problems: [FieldProblem] = [], retention: TimeInterval
    ) {
        isMember = !mine.isEmpty
        func item(_ referral: Referral, incoming: Bool) -> Item {
            let other = incoming ? referral.from : referral.to
            let answers = incoming ? referral.status.next.map { Answer(status: $0.rawValue, label: $0.label, needsReason: $0 == .refusee) } : []
            return Item(
                id: referral.id, need: referral.need.rawValue, other: directory[other]?.name ?? other,
                otherURL: SiteURL.structure(.value(other)).path,
                person: referral.anonymised ? "(coordonnées effacées)" : referral.person, contact: referral.contact,
                note: referral.note.isEmpty ? nil : referral.note, status: referral.status.label,
                reason: referral.refusalReason.isEmpty ? nil : referral.refusalReason, sentOn: CalendarDay(referral.createdAt).french,
                answerURL: answers.isEmpty ? nil : SiteURL.answerReferral(.value(referral.id)).path, expected: referral.status.rawValue,
                answers: answers, hasAnswers: !answers.isEmpty, anonymised: referral.anonymised)
        }
        received = referrals.filter { mine.contains($0.to) }.map { item($0, incoming: true) }
        hasReceived = !received.isEmpty
        sent = referrals.filter { mine.contains($0.from) }.map { item($0, incoming: false) }
        hasSent = !sent.isEmpty
        action = SiteURL.referrals.path
        fromChoices = mine.sorted().map { FormChoice(value: $0, label: directory[$0]?.name ?? $0, selected: $0 == draft?.from) }
        toChoices = candidates.map { FormChoice(value: $0.id, label: $0.name, selected: $0.id == draft?.to) }
        needChoices = Service.allCases.map { FormChoice(value: $0.rawValue, label: $0.rawValue, selected: $0 == draft?.need) }
        person = draft?.person ?? ""
        contact = draft?.contact ?? ""
        note = draft?.note ?? ""
        errors = problems.map(\.sentence)
        hasErrors = !errors.isEmpty
        retentionDays = Int(retention / 86_400)
        answerDays = Int(Referral.answerDelay / 86_400)
    }
}
