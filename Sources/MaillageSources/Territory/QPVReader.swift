import MaillageCore

/// Reads the QPV 2015 demographic file (`;`, French decimals, `communes_insee_derive` pipe-separated).
public enum QPVReader {
    public static func read(_ text: String, file: String) -> (qpvs: [QPV], report: ImportReport) {
        let table = CSVTable(text: text)
        var report = ImportReport(file: file, format: "qpv")
        report.reject(table.malformed)
        let code = table.column("CODGEO"), names = table.column("LIB_COM"), communes = table.column("communes_insee_derive")
        let population = table.column("POP_MUN")
        var qpvs: [QPV] = []
        for row in table.rows {
            report.rowsRead += 1
            guard QPV.isValidCode(row[code]) else {
                report.reject(line: row.line, field: "CODGEO", value: row[code], expected: "un code QPxxxxxx")
                continue
            }
            let raw = row[communes].split(separator: "|").map(String.init)
            let codes = raw.compactMap { CommuneCode($0) }
            if codes.count < raw.count {
                report.warn(line: row.line, field: "communes_insee_derive", "commune(s) non rattachée(s) à un code INSEE : « \(row[names]) »")
            }
            qpvs.append(QPV(code: row[code], communeNames: row[names], communes: codes, population: FrenchNumber.int(row[population]) ?? 0))
            report.accepted += 1
        }
        return (qpvs, report)
    }
}
