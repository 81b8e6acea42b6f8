import Foundation

/// A closed list of values of the national standard "lieux de médiation numérique" v1.0.2.
///
/// Raw values are the exact French strings of the standard. `init?(standardValue:)` also accepts the
/// alternate spellings that the schema itself uses (see ``aliases``).
public protocol StandardVocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {
    /// The standard column that holds this vocabulary.
    static var column: StandardColumn { get }
    /// Alternate spellings accepted on import, mapped to their canonical case.
    static var aliases: [String: Self] { get }
}

extension StandardVocabulary {
    public static var aliases: [String: Self] { [:] }

    /// Parses a value as written in a standard file: exact spelling, or a known alias.
    public init?(standardValue: String) {
        let trimmed = standardValue.trimmed
        if let value = Self(rawValue: trimmed) {
            self = value
        } else if let value = Self.aliases[trimmed] {
            self = value
        } else {
            return nil
        }
    }

    /// The pipe-separated list of every allowed value, as shown in validation messages.
    public static var allowedValuesDescription: String {
        allCases.map(\.rawValue).joined(separator: " | ")
    }
}
