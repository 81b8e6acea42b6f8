import MaillageCore

/// Reads ARCEP "Ma connexion internet" eligibility per commune (a warning sentence precedes the `;` header).
public enum BroadbandReader {
    public static func read(_ text: String, file: String) -> (eligibility: [BroadbandEligibility], report: ImportReport) {
        let skip = text.hasPrefix("code_insee") ? 0 : 1
        let table = CSVTable(text: text, separator: ";", skipLines: skip)
        var report = ImportReport(file: file, format: "arcep")
        report.reject(table.malformed)
        let code = table.column("code_insee"), premises = table.column("nbr"), inel = table.column("inel_hd")
        let bins = ["elig_hd8", "elig_thd30", "elig_thd100", "elig_thd1g"].map { table.column($0) }
        var result: [BroadbandEligibility] = []
        for row in table.rows {
            report.rowsRead += 1
            guard let commune = CommuneCode(row[code].leftPadded(to: 5)) else {
                report.reject(line: row.line, field: "code_insee", value: row[code], expected: "un code INSEE")
                continue
            }
            guard let total = FrenchNumber.int(row[premises]) else {
                report.reject(line: row.line, field: "nbr", value: row[premises], expected: "un nombre de locaux")
                continue
            }
            let counts = bins.map { FrenchNumber.int(row[$0]) ?? 0 }
            result.append(
                BroadbandEligibility(
                    commune: commune, premises: total, ineligible: FrenchNumber.int(row[inel]) ?? 0,
                    atLeast8Mbps: counts.reduce(0, +), atLeast30Mbps: counts[1...].reduce(0, +), atLeast100Mbps: counts[2...].reduce(0, +)))
            report.accepted += 1
        }
        return (result, report)
    }
}
