import Foundation
import MaillageCore

/// The diagnostic as a table: one row per commune × need.
public enum DiagnosticCSVWriter {
    public typealias Dialect = CSVDialect

    static let header = ["code_insee", "commune", "population", "indice_fragilite", "besoin", "lieux_dans_commune", "couverture",
                         "lieu_le_plus_proche", "commune_du_lieu", "distance_km", "dans_perimetre", "minutes_pied", "minutes_velo",
                         "minutes_bus", "minutes_voiture"]

    public static func write(_ diagnostic: Diagnostic, dialect: Dialect = .standard) -> Data {
        func number(_ value: Double, digits: Int) -> String { dialect.number(value, digits: digits) }
        var rows = [header]
        for row in diagnostic.rows {
            for cell in row.cells {
                let a = cell.nearest
                let fields: [String] = [
                    row.commune.code.rawValue, row.commune.name, String(row.commune.population), row.fragility.map { number($0, digits: 1) } ?? "",
                    cell.need.label, String(cell.placesInCommune), cell.coverage.label, a?.placeName ?? "", a?.communeName ?? "",
                    a.map { number($0.distanceMetres / 1_000, digits: 2) } ?? "", a.map { $0.insidePerimeter ? "oui" : "non" } ?? "",
                    a.map { String(Int($0.times.walking.rounded())) } ?? "", a.map { String(Int($0.times.cycling.rounded())) } ?? "",
                    a.map { String(Int($0.times.bus.rounded())) } ?? "", a.map { String(Int($0.times.car.rounded())) } ?? "",
                ]
                rows.append(fields)
            }
        }
        return dialect.document(rows)
    }
}
