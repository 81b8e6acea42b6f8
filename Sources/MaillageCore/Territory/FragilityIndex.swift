/// The MedNum "indice de fragilité numérique" (2020) of a commune, aggregated from its IRIS.
///
/// Base 100 is the average of the reference area; higher means more fragile.
public struct FragilityIndex: Hashable, Codable, Sendable {
    public var commune: CommuneCode
    /// Mean of the IRIS global scores, with the département as reference.
    public var globalScore: Double
    public var accessScore: Double?
    public var skillsScore: Double?
    public var irisCount: Int

    public init(commune: CommuneCode, globalScore: Double, accessScore: Double?, skillsScore: Double?, irisCount: Int) {
        self.commune = commune
        self.globalScore = globalScore
        self.accessScore = accessScore
        self.skillsScore = skillsScore
        self.irisCount = irisCount
    }
}
