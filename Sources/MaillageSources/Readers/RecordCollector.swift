import MaillageCore

/// Turns place drafts into source records: checks what every record needs, locates it, reads its opening hours,
/// counts unmapped vocabulary, and keeps the report balanced (every row accepted or rejected).
struct RecordCollector {
    let source: SourceKind
    let locator: PlaceLocator
    var report: ImportReport
    private(set) var records: [SourceRecord] = []
    private var seenIDs: Set<String> = []

    init(source: SourceKind, locator: PlaceLocator, file: String, format: String) {
        self.source = source
        self.locator = locator
        self.report = ImportReport(file: file, format: format)
    }

    /// The row being read, and the last one counted as rejected.
    private var rowNumber = 0, lastRejectedRow = 0

    mutating func rowRead() {
        report.rowsRead += 1
        rowNumber += 1
    }

    /// The JSON row without the fields whose type is not the expected one, each with a warning: `"services": 42`
    /// is neither read as a service nor dropped in silence.
    mutating func typed(_ row: [String: Any], line: Int, expecting types: [String: JSONFieldType]) -> [String: Any] {
        let (kept, problems) = JSONFieldType.check(row, expecting: types)
        for problem in problems { report.warn(line: line, field: problem.field, problem.message) }
        return kept
    }

    mutating func reject(line: Int, field: String, value: String, expected: String) {
        report.reject(line: line, field: field, value: value, expected: expected)
        if lastRejectedRow != rowNumber {
            lastRejectedRow = rowNumber
            report.rejected += 1
        }
    }

    /// The SIRET, SIREN or RNA a cell holds; a value that is none of them (15 digits, letters…) is dropped with a
    /// warning, a placeholder of zeros silently.
    mutating func pivot(_ text: String, line: Int, field: String) -> String {
        let pivot = PlaceFields.pivot(text)
        if pivot.isEmpty, let raw = text.nonBlank, raw.contains(where: { $0.isLetter || ($0.isNumber && $0 != "0") }) {
            report.warn(
                line: line, field: field,
                "« \(raw.prefix(40)) » n'est ni un SIRET (14 chiffres), ni un SIREN (9), ni un RNA (W et 9 chiffres) : ignoré")
        }
        return pivot
    }

    /// Accepts a draft unless it lacks an id, a name or a date, or repeats an id of the same file.
    mutating func accept(_ draft: Place, line: Int) {
        var place = draft
        guard let id = place.id.nonBlank else { return reject(line: line, field: "id", value: "", expected: "un identifiant") }
        guard seenIDs.insert(id).inserted else {
            return reject(line: line, field: "id", value: id, expected: "un identifiant unique dans le fichier")
        }
        for (field, path) in Self.textFields where place[keyPath: path].unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            let cleaned = place[keyPath: path].withoutControlCharacters
            if cleaned != place[keyPath: path] {
                report.warn(line: line, field: field, "caractères de contrôle (NUL, échappement…) retirés")
                place[keyPath: path] = cleaned
            }
        }
        guard place.nom.nonBlank != nil else { return reject(line: line, field: "nom", value: "", expected: "un nom") }
        for warning in locator.locate(&place) { report.warn(line: line, field: warning.field, warning.message) }
        if let hours = place.horaires?.nonBlank {
            let parsed = OpeningHours(osm: hours)
            if let problem = parsed.problem {
                let suggestion = parsed.suggestion.map { " ; en OSM : « \($0) »" } ?? ""
                report.warn(line: line, field: "horaires", "\(problem) — texte conservé : « \(hours) »\(suggestion)")
            }
        }
        report.count(unmapped: place.unmappedValues)
        records.append(SourceRecord(provenance: Provenance(source: source, sourceID: id, dateMaj: place.dateMaj), place: place))
        report.accepted += 1
    }

    /// The free-text fields a damaged file may carry control characters into.
    static let textFields: [(String, any WritableKeyPath<Place, String> & Sendable)] = [
        ("nom", \.nom), ("adresse", \.adresse), ("commune", \.commune), ("code_postal", \.codePostal), ("pivot", \.pivot)
    ]
}
