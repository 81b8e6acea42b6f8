import MaillageCore

/// Reads the IFN 2020 per IRIS and averages it per commune (codes lost their leading zeros: padded back).
public enum FragilityReader {
    public static func read(_ text: String, file: String) -> (indices: [FragilityIndex], report: ImportReport) {
        let table = CSVTable(text: text)
        var report = ImportReport(file: file, format: "fragilite-numerique")
        report.reject(table.malformed)
        let commune = table.column("Insee Com"), global = table.column("SCORE GLOBAL departement 1")
        let access = table.column("GLOBAL ACCES departement 1"), skills = table.column("GLOBAL COMPETENCES  departement 1")
        var sums: [CommuneCode: (global: Double, access: Double, skills: Double, count: Int)] = [:]
        for row in table.rows {
            report.rowsRead += 1
            guard let code = CommuneCode(row[commune].leftPadded(to: 5)) else {
                report.reject(line: row.line, field: "Insee Com", value: row[commune], expected: "un code INSEE")
                continue
            }
            guard let score = FrenchNumber.double(row[global]) else {
                report.reject(line: row.line, field: "SCORE GLOBAL departement 1", value: row[global], expected: "un nombre")
                continue
            }
            var sum = sums[code] ?? (0, 0, 0, 0)
            sum.global += score
            sum.access += FrenchNumber.double(row[access]) ?? score
            sum.skills += FrenchNumber.double(row[skills]) ?? score
            sum.count += 1
            sums[code] = sum
            report.accepted += 1
        }
        let indices = sums.map { code, s in
            FragilityIndex(
                commune: code, globalScore: s.global / Double(s.count), accessScore: s.access / Double(s.count),
                skillsScore: s.skills / Double(s.count), irisCount: s.count)
        }
        return (indices.sorted { $0.commune < $1.commune }, report)
    }
}
