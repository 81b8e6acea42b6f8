import MaillageCore

/// Reads the ANCT list of France services (CSV, one row per site, hours as free text per weekday).
///
/// The file gives no services: every France services site, by its charter, helps with administrative procedures and
/// offers free access to a computer, in person, without appointment, so those standard values are set.
public enum FranceServicesReader {
    /// The version date of the list, used as `date_maj` (rows carry none).
    public static let defaultVersion = CalendarDay(year: 2022, month: 12, day: 1)!

    public static func read(
        _ text: String, file: String, locator: PlaceLocator, version: CalendarDay = defaultVersion
    )
        -> (records: [SourceRecord], report: ImportReport)
    {
        let table = CSVTable(text: text)
        var collector = RecordCollector(source: .franceServices, locator: locator, file: file, format: SourceKind.franceServices.rawValue)
        collector.report.reject(table.malformed)
        let col = { (name: String) in table.column(name) }
        let dayColumns: [(Weekday, Int?)] = [
            (.monday, col("h_lundi")), (.tuesday, col("h_mardi")), (.wednesday, col("h_mercredi")),
            (.thursday, col("h_jeudi")), (.friday, col("h_vendredi")), (.saturday, col("h_samedi"))
        ]
        for row in table.rows {
            collector.rowRead()
            let postalCode = row[col("code_postal")].leftPadded(to: 5)
            guard postalCode.count == 5 else {
                collector.reject(line: row.line, field: "code_postal", value: row[col("code_postal")], expected: "un code postal de 5 chiffres")
                continue
            }
            var place = Place(
                id: row[col("id_fs")], pivot: "", nom: row[col("lib_fs")], commune: row[col("lib_com")],
                codePostal: postalCode, codeInsee: CommuneCode(row[col("insee_com")]),
                adresse: row[col("adresse")], dateMaj: version)
            place.complementAdresse = row[col("complement_adresse")].nonBlank
            place.coordinate = PlaceFields.coordinate(FrenchNumber.double(row[col("latitude")]), FrenchNumber.double(row[col("longitude")]))
            place.telephone = PlaceFields.phone(row[col("telephone")])
            place.courriels = PlaceFields.list(row[col("mail")], separator: ";")
            let hours = OpeningHours(franceServicesDays: dayColumns.map { ($0.0, row[$0.1]) })
            place.horaires = hours.schedule?.osm
            if hours.schedule == nil, let problem = hours.problem {
                collector.report.warn(line: row.line, field: "h_lundi…h_samedi", problem)
            }
            let mobile = row[col("itinerance")].folded == "oui" || row[col("format_fs")].folded == "bus"
            place.itinerance = [mobile ? .itinerant : .fixe]
            place.source = "ANCT"
            place.typologie = [.rfs]
            if row[col("groupe")].folded.contains("poste") { place.typologie.append(.laPoste) }
            let standardValues: [StandardValue] = [
                .service(.aideDemarchesAdministratives), .service(.accesInternetMateriel), .programme(.franceServices),
                .fee(.gratuit), .accessMode(.sePresenter), .supportMode(.accompagnementIndividuel)
            ]
            standardValues.forEach { place.add($0) }
            if place.telephone != nil { place.add(.accessMode(.telephoner)) }
            collector.accept(place, line: row.line)
        }
        return (collector.records, collector.report)
    }
}
