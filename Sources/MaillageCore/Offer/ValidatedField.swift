import Foundation

/// A field a coordinator validated: the place's local value, ranked above every national file. A later import never
/// overwrites it; when the national data comes to say something else, ``hasNewNationalValue`` shows it for a decision.
public struct ValidatedField: Hashable, Codable, Sendable {
    /// The source record (`source:id`) of the place the field belongs to.
    public var anchor: String
    public var column: StandardColumn
    /// The standard text cell (lists joined by `|`).
    public var value: String
    public var declarationID: Int
    public var structureID: String?
    public var validatedAt: Date
    /// The national value when the field was validated (what the declaration corrected).
    public var baseline: String?
    /// The national value at the last merge.
    public var national: String?

    public init(
        anchor: String, column: StandardColumn, value: String, declarationID: Int, structureID: String?, validatedAt: Date,
        baseline: String? = nil, national: String? = nil
    ) {
        self.anchor = anchor
        self.column = column
        self.value = value
        self.declarationID = declarationID
        self.structureID = structureID
        self.validatedAt = validatedAt
        self.baseline = baseline
        self.national = national
    }

    /// The national files say something new since validation, and not what was declared: a coordinator decides.
    public var hasNewNationalValue: Bool {
        guard let national, let baseline else { return false }
        return national != baseline && national != value
    }

    /// The provenance of the declared values: the declaration, dated when it was validated.
    public var provenance: Provenance {
        Provenance(source: .declaration, sourceID: "\(Self.provenancePrefix)\(declarationID)", dateMaj: CalendarDay(validatedAt))
    }

    /// How the provenances of validated fields start (`declaration:D12`); a new place's record is `declaration:N12`.
    public static let provenancePrefix = "D"
    /// How the record of a validated new place starts.
    public static let newPlacePrefix = "N"
}
