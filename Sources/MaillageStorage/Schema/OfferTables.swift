/// The names of the tables of the actors' own word — declarations, validated fields, structures' completions, the
/// missing places register — and their columns: the only place they are spelled.
enum OfferTables {
    /// One row per declaration (a correction, a new place, a report).
    enum Declaration {
        static let table = "declarations"
        static let id = "id"
        static let kind = "kind"
        static let placeID = "place_id"
        static let anchor = "anchor"
        static let territory = "territory"
        static let structureID = "structure_id"
        static let placeName = "place_name"
        static let authorID = "author_id"
        static let authorLabel = "author_label"
        static let status = "status"
        static let createdAt = "created_at"
        static let category = "category"
        static let message = "message"
        static let decidedByID = "decided_by_id"
        static let decidedByLabel = "decided_by_label"
        static let decidedAt = "decided_at"
        static let reason = "reason"
    }

    /// The fields of a declaration, one row per column of the standard.
    enum Field {
        static let table = "declaration_fields"
        static let declarationID = "declaration_id"
        static let column = "column_name"
        static let proposed = "proposed"
        static let previous = "previous"
        static let decision = "decision"
    }

    /// The validated local value of a column of a place, above the national files.
    enum Validated {
        static let table = "validated_fields"
        static let anchor = "anchor"
        static let column = "column_name"
        static let value = "value"
        static let declarationID = "declaration_id"
        static let structureID = "structure_id"
        static let validatedAt = "validated_at"
        static let baseline = "baseline"
        static let national = "national"
    }

    /// Places a validated report says no longer exist: left out of the merged places.
    enum Withdrawn {
        static let table = "withdrawn_places"
        static let anchor = "anchor"
        static let declarationID = "declaration_id"
        static let withdrawnAt = "withdrawn_at"
    }

    /// What was completed by hand on a structure recognised from the data.
    enum Structure {
        static let table = "structure_completions"
        static let id = "structure_id"
        static let name = "name"
        static let kind = "kind"
        static let contactEmail = "contact_email"
        static let contactPhone = "contact_phone"
        static let updatedAt = "updated_at"
    }

    /// The communes a completed structure serves, in order.
    enum StructureCommune {
        static let table = "structure_communes"
        static let structureID = "structure_id"
        static let position = "position"
        static let commune = "commune_code"
    }

    /// The missing places register.
    enum Missing {
        static let table = "missing_places"
        static let id = "id"
        static let territory = "territory"
        static let commune = "commune_code"
        static let qpv = "qpv_code"
        static let justification = "justification"
        static let origin = "origin"
        static let status = "status"
        static let priority = "priority"
        static let placeID = "place_id"
        static let createdAt = "created_at"
        static let authorID = "author_id"
        static let authorLabel = "author_label"
    }

    /// A missing place's services, publics and needs, in order: one row per value, `list` saying which.
    enum MissingValue {
        static let table = "missing_place_values"
        static let missingPlaceID = "missing_place_id"
        static let list = "list"
        static let position = "position"
        static let value = "value"
        static let services = "services"
        static let publics = "publics"
        static let needs = "needs"
    }

    /// Who supports a missing place: one row per person.
    enum Support {
        static let table = "missing_place_supports"
        static let missingPlaceID = "missing_place_id"
        static let accountID = "account_id"
        static let supportedAt = "supported_at"
    }
}
