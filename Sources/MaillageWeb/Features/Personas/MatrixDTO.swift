import Hummingbird
import MaillageCore

/// The workshop matrix in the JSON API.
struct MatrixDTO: ResponseEncodable, Sendable {
    struct Cell: Codable, Sendable {
        var persona: String
        var outcome: String
        var metNeeds: Int
        var totalNeeds: Int
        var difficultServices: [String]
    }

    struct Column: Codable, Sendable {
        var codeInsee: String
        var commune: String
        var cells: [Cell]
        var hardestServices: [String]
        var blockers: [String: Int]
    }

    var columns: [Column]

    init(_ matrix: WorkshopMatrix) {
        columns = matrix.columns.map { column in
            Column(
                codeInsee: column.commune.code.rawValue, commune: column.commune.name,
                cells: column.cells.map {
                    Cell(
                        persona: $0.persona.id, outcome: $0.outcome.rawValue, metNeeds: $0.metNeeds, totalNeeds: $0.totalNeeds,
                        difficultServices: $0.difficultNeeds.map(\.service.rawValue))
                },
                hardestServices: column.hardestServices.map(\.service.rawValue),
                blockers: Dictionary(uniqueKeysWithValues: column.blockers.map { ($0.blocker.rawValue, $0.count) }))
        }
    }
}
