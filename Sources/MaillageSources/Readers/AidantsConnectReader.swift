import MaillageCore

/// Reads the structures habilitées Aidants Connect (JSON; no coordinates, no INSEE code, postal code as a number).
///
/// An Aidants Connect structure carries out online procedures on a person's behalf: "Aide aux démarches
/// administratives", individually, under the Aidants Connect programme.
public enum AidantsConnectReader {
    /// What each field's JSON type must be; the identifiers and the postal code may be numbers.
    static let fieldTypes: [String: JSONFieldType] = [
        "Name": .text, "Adresse": .text, "commune": .text, "date_maj": .text,
        "Data pass ID": .textOrNumber, "SIRET": .textOrNumber, "Code postal": .textOrNumber
    ]

    public static func read(
        _ text: String, file: String, locator: PlaceLocator
    ) throws(ImportError)
        -> (records: [SourceRecord], report: ImportReport)
    {
        var collector = RecordCollector(source: .aidantsConnect, locator: locator, file: file, format: SourceKind.aidantsConnect.rawValue)
        try JSONRows.forEachObject(text, file: file) { line, row throws(ImportError) in
            collector.rowRead()
            let row = collector.typed(row, line: line, expecting: Self.fieldTypes)
            guard let date = CalendarDay(row.string("date_maj")) else {
                collector.reject(line: line, field: "date_maj", value: row.string("date_maj"), expected: "une date JJ/MM/AAAA ou AAAA-MM-JJ")
                return
            }
            let postalCode = row.string("Code postal").leftPadded(to: 5)
            guard postalCode.count == 5, postalCode.allSatisfy(\.isNumber) else {
                collector.reject(line: line, field: "Code postal", value: row.string("Code postal"), expected: "un code postal de 5 chiffres")
                return
            }
            var id = row.string("Data pass ID").filter { $0.isLetter || $0.isNumber }
            if id.isEmpty {
                // A few structures have no Data pass ID: a stable id from what identifies them.
                id = "sans-id-" + StableHash.hex("\(row.string("SIRET"))|\(row.string("Name"))|\(postalCode)")
                collector.report.warn(line: line, field: "Data pass ID", "identifiant absent : identifiant dérivé du SIRET, du nom et du code postal")
            }
            var place = Place(
                id: id, pivot: collector.pivot(row.string("SIRET"), line: line, field: "SIRET"),
                nom: row.string("Name"), commune: row.string("commune"), codePostal: postalCode, codeInsee: nil,
                adresse: row.string("Adresse"), dateMaj: date)
            place.source = "Aidants Connect"
            [StandardValue.service(.aideDemarchesAdministratives), .programme(.aidantsConnect), .supportMode(.accompagnementIndividuel)]
                .forEach { place.add($0) }
            collector.accept(place, line: line)
        }
        return (collector.records, collector.report)
    }
}
