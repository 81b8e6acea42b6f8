/// What a person or a field worker looks for: where, how far, and any of the standard's criteria.
public struct SearchQuery: Hashable, Sendable {
    /// Where the search starts from.
    public enum Origin: Hashable, Sendable {
        case commune(CommuneCode)
        case point(Coordinate)
    }

    public var origin: Origin?
    /// Search radius around the origin, in metres.
    public var radiusMetres: Double
    /// Every requested service must be offered.
    public var services: Set<Service>
    /// A place addresses a public when it names it or addresses "tout public" (no specific public).
    public var publics: Set<TargetPublic>
    public var specificSupports: Set<SpecificSupport>
    /// Acceptable fees: the place must declare one of them.
    public var fees: Set<Fee>
    public var accessModes: Set<AccessMode>
    public var supportModes: Set<SupportMode>
    public var programmes: Set<NationalProgramme>
    public var labels: Set<TrainingLabel>
    public var itinerancy: Set<Itinerancy>
    /// Open at this moment of a typical week.
    public var openAt: WeeklyMoment?
    /// Open during at least one of the times the person is free.
    public var availability: [WeeklySlot]
    public var openAfterSix: Bool
    public var openOnSaturday: Bool
    /// Help given in person: not only remote, and the place receives the public.
    public var inPerson: Bool
    /// Largest number of results (full matches first, then partial ones).
    public var limit: Int

    public static let defaultRadiusMetres = 10_000.0
    public static let maximumRadiusMetres = 100_000.0

    public init(
        origin: Origin? = nil, radiusMetres: Double = SearchQuery.defaultRadiusMetres, services: Set<Service> = [],
        publics: Set<TargetPublic> = [], specificSupports: Set<SpecificSupport> = [], fees: Set<Fee> = [],
        accessModes: Set<AccessMode> = [], supportModes: Set<SupportMode> = [], programmes: Set<NationalProgramme> = [],
        labels: Set<TrainingLabel> = [], itinerancy: Set<Itinerancy> = [], openAt: WeeklyMoment? = nil, availability: [WeeklySlot] = [],
        openAfterSix: Bool = false, openOnSaturday: Bool = false, inPerson: Bool = false, limit: Int = 20
    ) {
        self.origin = origin
        self.radiusMetres = radiusMetres
        self.services = services
        self.publics = publics
        self.specificSupports = specificSupports
        self.fees = fees
        self.accessModes = accessModes
        self.supportModes = supportModes
        self.programmes = programmes
        self.labels = labels
        self.itinerancy = itinerancy
        self.openAt = openAt
        self.availability = availability
        self.openAfterSix = openAfterSix
        self.openOnSaturday = openOnSaturday
        self.inPerson = inPerson
        self.limit = limit
    }
}
