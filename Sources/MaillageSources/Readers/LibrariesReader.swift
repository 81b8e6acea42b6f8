import MaillageCore

/// Reads the Ministère de la Culture list of public libraries (`;`-separated, `coordonnees_finales` = "lat,lon").
///
/// The list says nothing of digital help; a library is kept with its typology (BIB) and no service, so it counts as a
/// place of the territory without being claimed to offer what the source does not say.
public enum LibrariesReader {
    /// The vintage of the list (about 2019/2020), used as `date_maj`.
    public static let defaultVersion = CalendarDay(year: 2020, month: 11, day: 1)!

    public static func read(
        _ text: String, file: String, locator: PlaceLocator, version: CalendarDay = defaultVersion
    )
        -> (records: [SourceRecord], report: ImportReport)
    {
        let table = CSVTable(text: text)
        var collector = RecordCollector(source: .bibliotheques, locator: locator, file: file, format: SourceKind.bibliotheques.rawValue)
        collector.report.reject(table.malformed)
        let col = { (name: String) in table.column(name) }
        for row in table.rows {
            collector.rowRead()
            let postalCode = row[col("CP")].leftPadded(to: 5)
            guard postalCode.count == 5 else {
                collector.reject(line: row.line, field: "CP", value: row[col("CP")], expected: "un code postal de 5 chiffres")
                continue
            }
            let written = row[col("code_bib")]
            let code = written.hasSuffix(".0") ? String(written.dropLast(2)) : written  // « 1234.0 »: a number the export wrote as a float
            let id = code.nonBlank ?? "ligne-\(row.line)"
            let name = [row[col("Libelle1")], row[col("Libelle2")]].compactMap(\.nonBlank).joined(separator: " – ")
            var place = Place(
                id: id, pivot: "", nom: name, commune: row[col("Ville")], codePostal: postalCode,
                codeInsee: CommuneCode(row[col("INSEE")].leftPadded(to: 5)),
                adresse: [row[col("Localisation")], row[col("voie")]].compactMap(\.nonBlank).joined(separator: ", "),
                dateMaj: version)
            let parts = row[col("coordonnees_finales")].split(separator: ",").compactMap { FrenchNumber.double(String($0)) }
            if parts.count == 2 { place.coordinate = PlaceFields.coordinate(parts[0], parts[1]) }
            place.typologie = [.bib]
            place.source = "Ministère de la Culture"
            place.structureParente = row[col("Statut")].nonBlank
            collector.accept(place, line: row.line)
        }
        return (collector.records, collector.report)
    }
}
