import Foundation
import MaillageCore

/// Reads the national commune reference (`communes-france-2024.csv`: one row per commune and postal code).
public enum CommunesReader {
    public struct Result: Sendable {
        public var communes: [Commune]
        /// Every postal code of each commune (the file repeats a commune once per postal code).
        public var postalCodes: [String: Set<CommuneCode>]
        public var report: ImportReport
    }

    /// Keeps communes (`COM`) and, for Paris/Lyon/Marseille, their arrondissements (`ARM`), which sources use as communes.
    public static func read(_ text: String, file: String) -> Result {
        let table = CSVTable(text: text)
        var report = ImportReport(file: file, format: "communes")
        report.reject(table.malformed)
        var communes: [CommuneCode: Commune] = [:]
        var postal: [String: Set<CommuneCode>] = [:]
        let c = Columns(table)
        for row in table.rows {
            report.rowsRead += 1
            guard let code = CommuneCode(row[c.code]) else {
                report.reject(line: row.line, field: "insee_com", value: row[c.code], expected: "un code INSEE de 5 caractères")
                continue
            }
            let kind = row[c.kind]
            guard kind == "COM" || kind == "ARM" || kind.isEmpty else {
                report.accepted += 1  // communes déléguées: read, intentionally not kept as communes
                continue
            }
            guard let lat = FrenchNumber.double(row[c.lat]), let lon = FrenchNumber.double(row[c.lon]),
                let centroid = Coordinate(validatingLatitude: lat, longitude: lon)
            else {
                report.reject(line: row.line, field: "lat/lng", value: "\(row[c.lat]),\(row[c.lon])", expected: "des coordonnées WGS84")
                continue
            }
            let postalCode = row[c.postalCode].leftPadded(to: 5)
            if !postalCode.isEmpty { postal[postalCode, default: []].insert(code) }
            if communes[code] == nil {
                communes[code] = Commune(
                    code: code, name: row[c.article].nonBlank ?? row[c.name], postalCode: postalCode,
                    population: FrenchNumber.int(row[c.population]) ?? 0, centroid: centroid,
                    areaKm2: FrenchNumber.double(row[c.area]), epci: Siren(row[c.epci]))
            }
            report.accepted += 1
        }
        return Result(communes: communes.values.sorted { $0.code < $1.code }, postalCodes: postal, report: report)
    }

    private struct Columns {
        let code, kind, name, article, postalCode, lat, lon, population, area, epci: Int?
        init(_ table: CSVTable) {
            code = table.column("insee_com")
            kind = table.column("commune_type")
            name = table.column("commune")
            article = table.column("commune_article")  // the name with its article, as it is written: « La Sentinelle »
            postalCode = table.column("code_postal")
            lat = table.column("lat")
            lon = table.column("lng")
            population = table.column("population_2021")
            area = table.column("superficie_km2")
            epci = table.column("epci_siren")
        }
    }
}

extension String {
    /// Restores leading zeros lost by spreadsheets (`1400` → `01400`); blank stays blank.
    func leftPadded(to length: Int) -> String {
        let trimmed = self.trimmed
        guard !trimmed.isEmpty, trimmed.count < length, trimmed.allSatisfy(\.isNumber) else { return trimmed }
        return String(repeating: "0", count: length - trimmed.count) + trimmed
    }
}
