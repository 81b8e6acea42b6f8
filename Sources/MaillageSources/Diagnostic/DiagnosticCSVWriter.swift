import Foundation
import MaillageCore

/// The diagnostic as a table: one row per commune × need.
public enum DiagnosticCSVWriter {
    public typealias Dialect = CSVDialect

    static let header = [
        "code_insee", "commune", "population", "indice_fragilite", "besoin", "lieux_dans_commune", "couverture",
        "lieu_le_plus_proche", "commune_du_lieu", "distance_km", "dans_perimetre", "minutes_pied", "minutes_velo",
        "minutes_bus", "minutes_voiture"
    ]

    /// The whole table at once.
    public static func write(_ diagnostic: Diagnostic, dialect: Dialect = .standard) -> Data {
        Data(chunks(diagnostic, dialect: dialect).joined())
    }

    /// The table in chunks of about `chunkBytes`, written as they are read: a national diagnostic (700,000 rows) is
    /// streamed without holding its whole text.
    public static func chunks(_ diagnostic: Diagnostic, dialect: Dialect = .standard, chunkBytes: Int = 1 << 16) -> Chunks {
        Chunks(diagnostic: diagnostic, dialect: dialect, chunkBytes: chunkBytes)
    }

    /// The chunks of one diagnostic's table, header first.
    public struct Chunks: Sequence, Sendable {
        let diagnostic: Diagnostic
        let dialect: Dialect
        let chunkBytes: Int

        public func makeIterator() -> Iterator { Iterator(chunks: self) }

        public struct Iterator: IteratorProtocol {
            private let diagnostic: Diagnostic
            private let chunkBytes: Int
            private var writer: CSVTableWriter
            private var row = 0
            private var finished = false

            init(chunks: Chunks) {
                diagnostic = chunks.diagnostic
                chunkBytes = chunks.chunkBytes
                writer = CSVTableWriter(dialect: chunks.dialect, capacity: chunks.chunkBytes + 4_096)
                for name in header { writer.field(name) }
                writer.endRow()
            }

            public mutating func next() -> [UInt8]? {
                guard !finished else { return nil }
                while row < diagnostic.rows.count && writer.count < chunkBytes {
                    write(diagnostic.rows[row])
                    row += 1
                }
                if row == diagnostic.rows.count { finished = true }
                return writer.take()
            }

            private mutating func write(_ row: Diagnostic.CommuneRow) {
                let commune = row.commune
                for cell in row.cells {
                    writer.field(commune.code.rawValue)
                    writer.field(commune.name)
                    writer.integer(commune.population)
                    if let fragility = row.fragility { writer.number(fragility, digits: 1) } else { writer.field("") }
                    writer.field(cell.need.label)
                    writer.integer(cell.placesInCommune)
                    writer.field(cell.coverage.label)
                    if let nearest = cell.nearest {
                        writer.field(nearest.placeName)
                        writer.field(nearest.communeName)
                        writer.number(nearest.distanceMetres / 1_000, digits: 2)
                        writer.field(nearest.insidePerimeter ? "oui" : "non")
                        for minutes in [nearest.times.walking, nearest.times.cycling, nearest.times.bus, nearest.times.car] {
                            writer.integer(Int(minutes.rounded()))
                        }
                    } else {
                        for _ in 0..<8 { writer.field("") }
                    }
                    writer.endRow()
                }
            }
        }
    }
}
