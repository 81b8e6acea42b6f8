/// Every assumption of a diagnostic, explicit and printed with its results: the same inputs give the same diagnostic.
public struct DiagnosticParameters: Hashable, Codable, Sendable {
    /// Straight-line distance × this factor ≈ distance along roads and paths.
    public var detourFactor = 1.3
    public var walkingSpeedKmh = 4.5
    public var cyclingSpeedKmh = 15.0
    /// Average bus speed including stops, plus an average wait at the stop.
    public var busSpeedKmh = 20.0
    public var busWaitMinutes = 15.0
    public var carSpeedKmh = 40.0
    /// The threshold of the diagnostic's « à portée » (``reach``), in minutes by bus.
    public var reachMinutes = Reach.inPerimeterByBus.minutes
    /// Communes within this distance of the perimeter (and the adjacent EPCIs) form its neighbouring territories.
    public var neighbourDistanceKm = 15.0
    /// Nothing is looked for beyond this distance.
    public var maxDistanceKm = 60.0

    public init() {}

    /// The diagnostic's meaning of « à portée », with this threshold: an answer elsewhere in the perimeter within
    /// `reachMinutes` by bus.
    public var reach: Reach { Reach.inPerimeterByBus.within(reachMinutes) }

    /// Access times in minutes for a straight-line distance, by mode.
    public func accessTimes(distanceMetres: Double) -> AccessTimes {
        let km = distanceMetres / 1_000 * detourFactor
        return AccessTimes(
            walking: km / walkingSpeedKmh * 60, cycling: km / cyclingSpeedKmh * 60,
            bus: km < 0.8 ? km / walkingSpeedKmh * 60 : km / busSpeedKmh * 60 + busWaitMinutes,
            car: km / carSpeedKmh * 60)
    }

    /// The assumptions as sentences, for reports.
    public var statements: [String] {
        [
            "Distances à vol d'oiseau multipliées par \(Self.french(detourFactor)) (détours).",
            "Vitesses : à pied \(Self.french(walkingSpeedKmh)) km/h, à vélo \(Self.french(cyclingSpeedKmh)) km/h, en voiture \(Self.french(carSpeedKmh)) km/h.",
            "Bus : \(Self.french(busSpeedKmh)) km/h arrêts compris, plus \(Self.french(busWaitMinutes)) min d'attente (à pied sous 800 m).",
            "« \(reach.name) » : une réponse du périmètre à \(Self.french(reachMinutes)) min en bus au plus.",
            "Territoires voisins : EPCI limitrophes et communes à moins de \(Self.french(neighbourDistanceKm)) km ; recherche limitée à \(Self.french(maxDistanceKm)) km.",
            "Les communes sont représentées par leur point de référence INSEE."
        ]
    }

    static func french(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
