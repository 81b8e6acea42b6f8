/// The names of the persona tables and their columns: the only place they are spelled.
enum PersonaTables {
    /// One row per persona: every single-valued attribute in a typed column, and the version edits must quote.
    enum Persona {
        static let table = "personas"
        static let id = "id"
        static let firstName = "first_name"
        static let description = "description"
        static let ageBand = "age_band"
        static let communeCode = "commune_code"
        static let qpv = "qpv_code"
        static let situation = "situation"
        static let equipment = "equipment"
        static let internetAtHome = "internet_at_home"
        static let autonomy = "autonomy"
        static let mobility = "mobility"
        static let maxMinutes = "max_minutes"
        static let freeOnly = "free_only"
        static let version = "version"
        /// The SIREN of the territory whose library holds the persona.
        static let territory = "territory"
    }

    /// The persona's tasks, in order.
    enum Need {
        static let table = "persona_needs"
        static let personaID = "persona_id"
        static let position = "position"
        static let task = "task"
        static let service = "service"
    }

    /// When the persona can go somewhere: a day and a span of minutes since midnight.
    enum Slot {
        static let table = "persona_slots"
        static let personaID = "persona_id"
        static let position = "position"
        static let day = "day"
        static let startMinute = "start_minute"
        static let endMinute = "end_minute"
    }

    /// The prise en charge spécifique the persona needs, in order.
    enum Support {
        static let table = "persona_supports"
        static let personaID = "persona_id"
        static let position = "position"
        static let support = "support"
    }
}
