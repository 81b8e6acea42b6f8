/// ARCEP fixed-broadband eligibility of a commune's premises (2019-09).
public struct BroadbandEligibility: Hashable, Codable, Sendable {
    public var commune: CommuneCode
    public var premises: Int
    /// Premises with no "haut débit" access (under 3 Mbit/s).
    public var ineligible: Int
    public var atLeast8Mbps: Int
    public var atLeast30Mbps: Int
    public var atLeast100Mbps: Int

    public init(commune: CommuneCode, premises: Int, ineligible: Int, atLeast8Mbps: Int, atLeast30Mbps: Int, atLeast100Mbps: Int) {
        self.commune = commune
        self.premises = premises
        self.ineligible = ineligible
        self.atLeast8Mbps = atLeast8Mbps
        self.atLeast30Mbps = atLeast30Mbps
        self.atLeast100Mbps = atLeast100Mbps
    }

    /// Share of premises eligible to "très haut débit" (≥ 30 Mbit/s), from 0 to 1.
    public var veryHighSpeedShare: Double { premises > 0 ? Double(atLeast30Mbps) / Double(premises) : 0 }
}
