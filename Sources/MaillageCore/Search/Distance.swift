/// Distances as French pages write them.
public enum Distance {
    /// `moins de 100 m`, `850 m`, `2,3 km`, `14 km`: never « 0 m », which no trip is.
    public static func french(_ metres: Double) -> String {
        if metres < 95 { return "moins de 100 m" }
        if metres < 1_000 { return "\(Int((metres / 10).rounded()) * 10) m" }
        if metres < 10_000 {
            let tenths = Int((metres / 100).rounded())
            return "\(tenths / 10),\(tenths % 10) km"
        }
        return "\(Int((metres / 1_000).rounded())) km"
    }
}
