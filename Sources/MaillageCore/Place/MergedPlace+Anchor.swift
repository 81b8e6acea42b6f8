extension MergedPlace {
    /// The source record the place is built around (its first record): what declarations and validated fields refer
    /// to, so that they follow the place even if a later import gives it another identifier. The provenances of
    /// validated fields (``ValidatedField/provenance``) are not records and are skipped.
    public var anchor: String? {
        provenances.first(where: \.isRecord)?.key
    }
}

extension Provenance {
    /// Whether the provenance is a stored source record, not the validation of a declared field.
    public var isRecord: Bool { !(source == .declaration && sourceID.hasPrefix(ValidatedField.provenancePrefix)) }
}
