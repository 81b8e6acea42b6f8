extension Need {
    /// Whether the place fills the field this need reads. Services are the offer itself; the lenses read fields most
    /// files leave empty (specific supports, support and access modes, hours), and an empty field says nothing: it is
    /// unknown, not « no ».
    public func isDeclared(by entry: PlaceIndex.Entry) -> Bool {
        switch self {
        case .service: entry.declaresAnOffer
        case .openAfterSix, .openOnSaturday: entry.schedule != nil
        case .specificSupport: !entry.traits.supports.isEmpty
        case .supportMode: !entry.traits.supportModes.isEmpty
        case .walkIn: !entry.traits.accessModes.isEmpty
        }
    }

    /// The field a lens reads, as a facilitator names it (nil for a service).
    public var declaredField: String? {
        switch self {
        case .service: nil
        case .openAfterSix, .openOnSaturday: "les horaires"
        case .specificSupport: "les prises en charge spécifiques (langues, handicaps, illettrisme)"
        case .supportMode: "les modalités d'accompagnement"
        case .walkIn: "les modalités d'accès (avec ou sans rendez-vous)"
        }
    }
}
