/// The names of the tables of the meeting cycle — cycles, their people, meetings and their agenda, participants, the
/// workshop's cards and passes, the snapshots taken at each meeting's close — and their columns: the only place they
/// are spelled.
enum CycleTables {
    enum Cycle {
        static let table = "cycles"
        static let id = "id"
        static let territory = "territory"
        static let title = "title"
        static let goal = "goal"
        static let startsOn = "starts_on"
        static let endsOn = "ends_on"
        static let createdAt = "created_at"
    }

    /// The organisers and animateurs of a cycle, in order.
    enum Person {
        static let table = "cycle_people"
        static let cycleID = "cycle_id"
        static let role = "role"
        static let position = "position"
        static let name = "name"
    }

    enum Meeting {
        static let table = "meetings"
        static let id = "id"
        static let cycleID = "cycle_id"
        static let startsAt = "starts_at"
        static let venuePlaceID = "venue_place_id"
        static let venue = "venue"
        static let workshop = "workshop_state"
        /// The code participants type to join the open workshop; new at each opening and on request, cleared at closing.
        static let joinCode = "join_code"
        /// The hash of the projection token: the secret address of the projected view, which shows the join code.
        static let projectionTokenHash = "projection_token_hash"
        static let decisions = "decisions"
        /// Incremented by every change of the meeting's workshop (a card, a moderation): what live boards watch.
        static let version = "version"
    }

    /// The communes a meeting looks at, in order.
    enum FocusCommune {
        static let table = "meeting_focus_communes"
        static let meetingID = "meeting_id"
        static let position = "position"
        static let commune = "commune_code"
    }

    enum Agenda {
        static let table = "meeting_agenda"
        static let meetingID = "meeting_id"
        static let position = "position"
        static let title = "title"
        static let kind = "kind"
        static let minutes = "minutes"
    }

    enum Participant {
        static let table = "meeting_participants"
        static let id = "id"
        static let meetingID = "meeting_id"
        static let name = "name"
        static let structure = "structure"
        static let structureID = "structure_id"
        static let profile = "profile"
        static let commune = "commune_code"
        static let registration = "registration"
        static let attended = "attended"
        static let namedInPublic = "named_in_public"
    }

    enum WorkshopCard {
        static let table = "workshop_cards"
        static let id = "id"
        static let meetingID = "meeting_id"
        static let tableCommune = "table_commune"
        static let kind = "kind"
        static let text = "body"
        static let placeID = "place_id"
        static let neighbourCommune = "neighbour_commune"
        static let personaID = "persona_id"
        static let authorLabel = "author_label"
        static let createdAt = "created_at"
        static let visibility = "visibility"
        static let mergedInto = "merged_into"
        static let clientKey = "client_key"
    }

    /// Meeting-scoped passes of participants without an account: the hash of the cookie's token, until the meeting ends.
    enum Pass {
        static let table = "workshop_passes"
        static let tokenHash = "token_hash"
        static let meetingID = "meeting_id"
        static let label = "label"
        static let expiresAt = "expires_at"
        /// The start of the pass's current minute of cards, and how many it sent in it (the per-pass rate).
        static let windowStart = "cards_window_start"
        static let windowCount = "cards_in_window"
    }

    /// One row per snapshot taken: when the meeting closed.
    enum Snapshot {
        static let table = "meeting_snapshots"
        static let meetingID = "meeting_id"
        static let takenAt = "taken_at"
        /// The coverage rule's version the snapshot's classes were made by (migration 0024; 1 before it).
        static let coverageRuleVersion = "coverage_rule_version"
    }

    enum SnapshotCoverage {
        static let table = "snapshot_coverage"
        static let meetingID = "meeting_id"
        static let commune = "commune_code"
        static let need = "need"
        static let coverage = "coverage"
    }

    enum SnapshotPlace {
        static let table = "snapshot_places"
        static let meetingID = "meeting_id"
        static let placeID = "place_id"
        static let name = "name"
        static let commune = "commune_code"
    }

    enum SnapshotMissing {
        static let table = "snapshot_missing"
        static let meetingID = "meeting_id"
        static let missingID = "missing_id"
        static let summary = "summary"
        static let status = "status"
    }

    enum SnapshotCount {
        static let table = "snapshot_counts"
        static let meetingID = "meeting_id"
        static let kind = "kind"
        static let count = "card_count"
    }
}
