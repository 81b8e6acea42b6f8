/// The names of the partnership table and its columns: the only place they are spelled.
enum PartnershipTables {
    enum Link {
        static let table = "partnerships"
        static let id = "id"
        static let territory = "territory"
        static let from = "from_structure"
        static let to = "to_structure"
        static let kind = "kind"
        static let state = "state"
        static let meetingID = "meeting_id"
        static let notes = "notes"
        static let confirmed = "confirmed"
        static let createdAt = "created_at"
        static let updatedAt = "updated_at"
    }
}
