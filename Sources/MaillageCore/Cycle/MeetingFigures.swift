/// « La rencontre en chiffres », computed from what was recorded at the meeting: who came (attendance taken), from
/// which structures and communes, and what the tables contributed (shown cards only: hidden and merged ones are not
/// counted twice).
public struct MeetingFigures: Hashable, Sendable {
    /// Participants present, animateurs apart (the seed counts « 20 participants » and « 3 animateurs »).
    public var participants: Int
    public var animateurs: Int
    /// Present participants (animateurs apart) by profile, in the profiles' order, zeros left out.
    public var byProfile: [Tally<ParticipantProfile>]
    public var structures: Int
    public var communes: Int
    /// Invited or registered, present or not.
    public var invited: Int
    /// Cards shown on the board (hidden and merged ones left out).
    public var cards: Int
    /// Shown cards per kind, in the kinds' order, zeros left out.
    public var byKind: [Tally<CardKind>]
    /// Shown cards per table, in the meeting's order of communes.
    public var byTable: [Tally<CommuneCode>]

    public init(meeting: Meeting, participants people: [Participant], cards: [WorkshopCard]) {
        let present = people.filter(\.attended)
        let others = present.filter { $0.profile != .animateur }
        participants = others.count
        animateurs = present.count - others.count
        byProfile = ParticipantProfile.allCases.filter { $0 != .animateur }.compactMap { profile in
            let count = others.count { $0.profile == profile }
            return count == 0 ? nil : Tally(profile, count)
        }
        structures = Set(present.compactMap { $0.structureID ?? ($0.structure.isEmpty ? nil : $0.structure.folded) }).count
        communes = Set(present.compactMap(\.commune)).count
        invited = people.count
        let shown = cards.filter(\.isShown)
        self.cards = shown.count
        byKind = CardKind.allCases.compactMap { kind in
            let count = shown.count { $0.kind == kind }
            return count == 0 ? nil : Tally(kind, count)
        }
        byTable = meeting.focusCommunes.map { commune in Tally(commune, shown.count { $0.table == commune }) }
    }

    /// Shown cards of one kind.
    public func count(of kind: CardKind) -> Int { byKind.first { $0.key == kind }?.count ?? 0 }
}
