import MaillageCore

/// The national map's deduplication rule, the reference Maillage's merge is measured against
/// (anct-cartographie-nationale/mednum-cli, `dedupliquer`): two records of different sources with the same postal code
/// are duplicates when the mean of three scores exceeds 60 — the fuzzy ratio of their names, of their addresses, and a
/// distance score (100 below 0.0004° ≈ 40 m, else 100 / (1 000 d + 1), d the distance in degrees). A record without
/// its own coordinates has no score, so it is never a duplicate.
enum NationalMapDeduplication {
    static func isDuplicate(_ a: SourceRecord, _ b: SourceRecord) -> Bool {
        guard a.provenance.source != b.provenance.source, a.place.codePostal == b.place.codePostal,
            a.place.precision == .adresse, b.place.precision == .adresse,
            let pa = a.place.coordinate, let pb = b.place.coordinate
        else { return false }
        let degrees = ((pa.latitude - pb.latitude) * (pa.latitude - pb.latitude) + (pa.longitude - pb.longitude) * (pa.longitude - pb.longitude))
            .squareRoot()
        let distanceScore = degrees < 0.0004 ? 100 : Int(100 / (degrees * 1_000 + 1))
        let score = (ratio(a.place.nom, b.place.nom) + ratio(a.place.adresse, b.place.adresse) + distanceScore) / 3
        return score > 60
    }

    /// Fuzzball's `ratio` with its default processing: lower case, every non-alphanumeric character a space, trimmed;
    /// then 100 × (1 − d / (n₁ + n₂)), d the Levenshtein distance with substitutions costing 2, rounded.
    static func ratio(_ a: String, _ b: String) -> Int {
        let x = Array(processed(a).unicodeScalars), y = Array(processed(b).unicodeScalars)
        let total = x.count + y.count
        guard total > 0 else { return 0 }
        var previous = Array(0...y.count), current = previous
        for i in 1...max(x.count, 1) where !x.isEmpty {
            current[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 2))
            }
            swap(&previous, &current)
        }
        let distance = x.isEmpty ? y.count : previous[y.count]
        return Int((100 * Double(total - distance) / Double(total)).rounded())
    }

    private static func processed(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }
}
