import MaillageCore

/// What the meetings' tables said of a commune, by kind of card, each with the meeting it was said at: shown on the
/// commune's diagnostic beside what the data computes.
struct WorkshopVoices: Sendable {
    struct Item: Sendable {
        var text: String
        var meeting: String
        var meetingURL: String
    }

    struct Group: Sendable {
        var kind: String
        var items: [Item]
    }

    var groups: [Group]

    init(cards: [WorkshopCard], meetings: [Int: Meeting]) {
        groups = CardKind.allCases.compactMap { kind in
            let items = cards.filter { $0.kind == kind }.compactMap { card -> Item? in
                guard let meeting = meetings[card.meetingID] else { return nil }
                return Item(
                    text: card.text, meeting: "rencontre n° \(meeting.number) du \(CalendarDay(meeting.startsAt).french)",
                    meetingURL: SiteURL.meeting(.value(meeting.id)).path)
            }
            return items.isEmpty ? nil : Group(kind: kind.columnLabel, items: items)
        }
    }
}
