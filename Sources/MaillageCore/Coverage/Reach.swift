/// One meaning of « à portée »: a trip by one mode within a number of minutes, to an answer found where the meaning
/// allows (in the perimeter only, or wherever it is). The meanings Maillage uses are named once, each with its French
/// name and its threshold (``Reach/inPerimeterByBus``, ``Reach/byBus``, ``Reach/occasionalTripByBus``,
/// ``Reach/of(_:)``); the diagnostic, the placement proposal, the journeys, the partnership suggestions and the pages
/// that say « à portée » all take one of them. Changing a meaning or a threshold changes ``CoverageRule/version``.
public struct Reach: Hashable, Sendable {
    /// Where the answer may be.
    public enum Extent: Hashable, Sendable {
        /// In the diagnostic's perimeter only: an answer in a neighbouring territory is « seulement dans un territoire
        /// voisin », however near.
        case perimeter
        /// In the perimeter or in a neighbouring territory.
        case anywhere
    }

    /// The meaning in French, without its threshold: « à portée en bus dans le périmètre ».
    public var name: String
    public var mode: Persona.Mobility
    /// The longest trip, in minutes by `mode`, that is still « à portée ».
    public var minutes: Double
    public var extent: Extent

    public init(name: String, mode: Persona.Mobility, minutes: Double, extent: Extent) {
        self.name = name
        self.mode = mode
        self.minutes = minutes
        self.extent = extent
    }

    /// The meaning and its threshold, as pages show it: « à portée en bus dans le périmètre (30 min au plus) ».
    public var label: String { "\(name) (\(TripDuration.french(minutes)) au plus)" }

    /// The same meaning with another threshold (the minutes a form asks for).
    public func within(_ minutes: Double) -> Reach {
        var changed = self
        changed.minutes = minutes
        return changed
    }

    /// Whether a trip of `trip` minutes by this meaning's mode is within reach.
    public func reaches(minutes trip: Double) -> Bool { trip <= minutes }

    /// Whether a trip with these access times is within reach, by this meaning's mode.
    public func reaches(_ times: AccessTimes) -> Bool { reaches(minutes: mode.minutes(in: times)) }

    /// Whether a diagnostic's nearest answer is within reach: where this meaning allows, and quick enough.
    public func reaches(_ answer: Diagnostic.Answer) -> Bool {
        (extent == .anywhere || answer.insidePerimeter) && reaches(answer.times)
    }

    /// Whether a commune is served for a need in this meaning: a place in the commune, or its nearest answer within reach.
    public func covers(_ cell: Diagnostic.Cell) -> Bool {
        cell.placesInCommune > 0 || (cell.nearest.map(reaches) ?? false)
    }

    /// The straight-line distance a trip within reach cannot exceed, capped at the diagnostic's search limit: places
    /// further than this need not be looked at.
    public func radiusMetres(parameters: DiagnosticParameters) -> Double {
        let roadKm: Double =
            switch mode {
            case .onFoot: minutes / 60 * parameters.walkingSpeedKmh
            case .bus: max(minutes / 60 * parameters.walkingSpeedKmh, (minutes - parameters.busWaitMinutes) / 60 * parameters.busSpeedKmh)
            case .car: minutes / 60 * parameters.carSpeedKmh
            }
        return min(max(0, roadKm) / parameters.detourFactor * 1_000, parameters.maxDistanceKm * 1_000)
    }
}

extension Reach {
    /// The diagnostic's daily « à portée » (``CoverageClass/withinReach``): an answer elsewhere in the perimeter, 30
    /// minutes by bus at most (``DiagnosticParameters/reachMinutes``). An answer in a neighbouring territory never
    /// counts, however near.
    public static let inPerimeterByBus = Reach(name: "à portée en bus dans le périmètre", mode: .bus, minutes: 30, extent: .perimeter)

    /// The placement proposal's: a place in the commune or an answer by bus within the form's minutes (the diagnostic's
    /// 30 by default), in the perimeter or in a neighbouring territory.
    public static let byBus = Reach(
        name: "à portée en bus, y compris dans un territoire voisin", mode: .bus, minutes: 30,
        extent: .anywhere)

    /// The partnership suggestions': a structure 45 minutes by bus at most, wherever it is. A person is sent across the
    /// territory once, not every day, so further than the diagnostic's daily reach.
    public static let occasionalTripByBus = Reach(
        name: "à portée en bus pour un déplacement ponctuel", mode: .bus, minutes: 45,
        extent: .anywhere)

    /// A persona's: within the time they accept, by their own mode (« à portée à pied » for one who walks), wherever it is.
    public static func of(_ persona: Persona) -> Reach {
        Reach(name: "à portée \(persona.mobility.label)", mode: persona.mobility, minutes: persona.maxMinutes, extent: .anywhere)
    }
}
