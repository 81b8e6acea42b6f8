/// An archetypal user of the territory, as the workshop imagines one: fictional, never a real person's data.
public struct Persona: Hashable, Codable, Sendable, Identifiable {
    /// A stable identifier for URLs (`karima`, `karima-2`).
    public var id: String
    public var firstName: String
    /// A few sentences in French on who this person is.
    public var description: String
    public var ageBand: AgeBand
    /// Where the persona lives.
    public var commune: CommuneCode
    /// The quartier prioritaire the persona lives in, if any (its code).
    public var qpv: String?
    public var situation: Situation
    public var equipment: Equipment
    public var internetAtHome: Bool
    public var autonomy: Autonomy
    /// Support the persona needs from the place: languages, disability, literacy (the standard's prise en charge).
    public var specificSupports: [SpecificSupport]
    public var mobility: Mobility
    /// The longest trip the persona will make, in minutes, by their mode.
    public var maxMinutes: Double
    /// When the persona can go somewhere.
    public var availability: [WeeklySlot]
    public var freeOnly: Bool
    /// The tasks the persona must get done, in order.
    public var needs: [PersonaNeed]

    public init(
        id: String, firstName: String, description: String, ageBand: AgeBand, commune: CommuneCode, qpv: String? = nil,
        situation: Situation, equipment: Equipment, internetAtHome: Bool, autonomy: Autonomy, specificSupports: [SpecificSupport] = [],
        mobility: Mobility, maxMinutes: Double, availability: [WeeklySlot], freeOnly: Bool, needs: [PersonaNeed]
    ) {
        self.id = id
        self.firstName = firstName
        self.description = description
        self.ageBand = ageBand
        self.commune = commune
        self.qpv = qpv
        self.situation = situation
        self.equipment = equipment
        self.internetAtHome = internetAtHome
        self.autonomy = autonomy
        self.specificSupports = specificSupports
        self.mobility = mobility
        self.maxMinutes = maxMinutes
        self.availability = availability
        self.freeOnly = freeOnly
        self.needs = needs
    }

    /// The publics of the standard this persona belongs to, which a place addressing specific publics must name.
    public var publics: Set<TargetPublic> {
        var result: Set<TargetPublic> = []
        switch ageBand {
        case .under26: result.insert(.jeunes)
        case .from60to74, .over75: result.insert(.seniors)
        case .from26to59: break
        }
        switch situation {
        case .student: result.insert(.etudiants)
        case .parent: result.insert(.familles)
        default: break
        }
        return result
    }

    /// The same persona living in another commune; their QPV is kept only if it touches that commune.
    public func living(in code: CommuneCode, territory: TerritoryData) -> Persona {
        var moved = self
        moved.commune = code
        if let qpv, !territory.qpvs(touching: [code]).contains(where: { $0.code == qpv }) { moved.qpv = nil }
        return moved
    }

    /// Help must be given in person: the persona cannot follow remote help alone.
    public var needsInPersonHelp: Bool { equipment == .none || !internetAtHome || autonomy == .none }

    /// Whether the persona can book online or write an e-mail alone.
    public var canUseOnlineContact: Bool { equipment != .none && internetAtHome && autonomy != .none }
}
