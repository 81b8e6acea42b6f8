import Foundation
import MaillageCore

/// Reads the Etalab "découpage administratif" EPCI list (JSON array with `membres`).
public enum EPCIReader {
    public static func read(_ text: String, file: String) throws(ImportError) -> (epcis: [EPCI], report: ImportReport) {
        let items = try JSONRows.array(text, file: file)
        var report = ImportReport(file: file, format: "epci")
        var epcis: [EPCI] = []
        for (index, item) in items.enumerated() {
            report.rowsRead += 1
            let row = index + 1
            guard let siren = Siren(item.string("code")) else {
                report.reject(line: row, field: "code", value: item.string("code"), expected: "un SIREN de 9 chiffres")
                continue
            }
            let members = (item["membres"] as? [[String: Any]] ?? []).compactMap { CommuneCode($0.string("code")) }
            guard !members.isEmpty else {
                report.reject(line: row, field: "membres", value: "", expected: "au moins une commune membre")
                continue
            }
            epcis.append(
                EPCI(
                    siren: siren, name: item.string("nom"), kind: item.string("type"),
                    population: Int(item.string("populationTotale")) ?? 0, members: members))
            report.accepted += 1
        }
        return (epcis, report)
    }
}
