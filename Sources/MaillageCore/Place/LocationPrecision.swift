/// How a place's coordinate was obtained.
public enum LocationPrecision: String, Codable, Sendable, CaseIterable {
    /// From the source, at the address.
    case adresse
    /// The commune's representative point: the source gave no coordinates.
    case commune
    /// No coordinate at all.
    case none
}
