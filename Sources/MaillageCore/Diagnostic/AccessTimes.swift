/// Estimated door-to-door times, in minutes.
public struct AccessTimes: Hashable, Codable, Sendable {
    public var walking: Double
    public var cycling: Double
    public var bus: Double
    public var car: Double
}
