import Foundation
import MaillageCore

/// The diagnostic as a table: one row per commune × need.
public enum DiagnosticCSVWriter {
    /// `standard`: `,` and `.` decimals, UTF-8. `excel`: BOM, `;` and decimal commas, which French Excel opens as is.
    public enum Dialect: Sendable { case standard, excel }

    static let header = ["code_insee", "commune", "population", "indice_fragilite", "besoin", "lieux_dans_commune", "couverture",
                         "lieu_le_plus_proche", "commune_du_lieu", "distance_km", "dans_perimetre", "minutes_pied", "minutes_velo",
                         "minutes_bus", "minutes_voiture"]

    public static func write(_ diagnostic: Diagnostic, dialect: Dialect = .standard) -> Data {
        let separator = dialect == .excel ? ";" : ","
        func number(_ value: Double, digits: Int) -> String {
            let text = String(format: "%.\(digits)f", value)
            return dialect == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        var lines = [header.map(StandardCSVWriter.quoted).joined(separator: separator)]
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
                lines.append(fields.map(StandardCSVWriter.quoted).joined(separator: separator))
            }
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return (dialect == .excel ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }
}
