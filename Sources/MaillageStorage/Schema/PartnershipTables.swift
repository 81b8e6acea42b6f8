/// The names of the network's tables — partnerships, orientation rules and their steps, orientations sent between
/// structures — and their columns: the only place they are spelled.
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

    enum Rule {
        static let table = "orientation_rules"
        static let id = "id"
        static let territory = "territory"
        static let commune = "commune_code"
        static let need = "need"
        static let targetPublic = "target_public"
        static let constraint = "situation_constraint"
        static let note = "note"
        static let updatedAt = "updated_at"
    }

    enum RuleStep {
        static let table = "orientation_rule_steps"
        static let ruleID = "rule_id"
        static let position = "position"
        static let structureID = "structure_id"
        static let approach = "approach"
        static let contact = "contact"
    }

    /// Orientations sent between structures.
    enum Referral {
        static let table = "referrals"
        static let id = "id"
        static let territory = "territory"
        static let from = "from_structure"
        static let to = "to_structure"
        static let need = "need"
        static let person = "person"
        static let contact = "contact"
        static let note = "note"
        static let consentAt = "consent_at"
        static let status = "status"
        static let refusalReason = "refusal_reason"
        static let createdAt = "created_at"
        static let updatedAt = "updated_at"
        static let anonymised = "anonymised"
    }
}
