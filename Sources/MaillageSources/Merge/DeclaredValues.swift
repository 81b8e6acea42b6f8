import MaillageCore

/// Lays the validated local fields over a merged place: they win over every national source, and each names its
/// declaration as its provenance.
public enum DeclaredValues {
    /// The place with the fields laid over, and each field's national value (what the merge of the national files
    /// gave) so that a later disagreement can be shown. Fields whose value no longer fits the standard are skipped.
    public static func apply(_ fields: [ValidatedField], to merged: MergedPlace) -> (place: MergedPlace, national: [StandardColumn: String]) {
        guard !fields.isEmpty else { return (merged, [:]) }
        var result = merged
        var national: [StandardColumn: String] = [:]
        var provenances: [Provenance] = []
        // The latest validation of a column wins.
        let latest = Dictionary(grouping: fields, by: \.column).compactMapValues { $0.max { $0.validatedAt < $1.validatedAt } }
        for (column, field) in latest.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            national[column] = StandardField.text(column, of: merged.place)
            var values = [column: field.value]
            if column == .latitude || column == .longitude, let other = latest[column == .latitude ? .longitude : .latitude] {
                values[other.column] = other.value
            }
            guard StandardField.set(values, on: &result.place).isEmpty else { continue }
            let provenance = field.provenance
            if !provenances.contains(provenance) { provenances.append(provenance) }
            result.fieldSources[column.rawValue] = [provenance.key]
            if provenance.dateMaj > result.place.dateMaj {
                result.place.dateMaj = provenance.dateMaj
                result.fieldSources[StandardColumn.dateMaj.rawValue] = [provenance.key]
            }
        }
        result.provenances = provenances.sorted { $0.sourceID < $1.sourceID } + merged.provenances
        return (result, national)
    }
}
