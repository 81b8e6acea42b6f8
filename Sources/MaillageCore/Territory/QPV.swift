/// A quartier prioritaire de la politique de la ville (2015 list, codes `QPdddnnn`).
public struct QPV: Hashable, Codable, Sendable, Identifiable {
    public var code: String
    /// The communes named by the source, as written there.
    public var communeNames: String
    public var communes: [CommuneCode]
    public var population: Int

    public var id: String { code }

    public init(code: String, communeNames: String, communes: [CommuneCode], population: Int) {
        self.code = code
        self.communeNames = communeNames
        self.communes = communes
        self.population = population
    }

    /// `QP` followed by 6 digits (or 3 characters of overseas département + 3 digits).
    public static func isValidCode(_ code: String) -> Bool {
        code.count == 8 && code.hasPrefix("QP") && code.dropFirst(2).allSatisfy { $0.isLetter || $0.isNumber }
    }
}
