import Foundation
import MaillageCore

/// The workshop matrix as a table: one row per persona × commune, with the outcome and the needs that are hard there.
public enum MatrixCSVWriter {
    static let header = ["persona", "commune_code_insee", "commune", "resultat", "besoins_difficiles"]

    public static func write(_ matrix: WorkshopMatrix, dialect: CSVDialect = .excel) -> Data {
        var rows = [header]
        for column in matrix.columns {
            for cell in column.cells {
                rows.append([
                    cell.persona.firstName, column.commune.code.rawValue, column.commune.name, cell.outcome.label,
                    cell.difficultNeeds.map { "\($0.task) (\($0.service.rawValue))" }.joined(separator: " | ")
                ])
            }
        }
        return dialect.document(rows)
    }
}
