import Hummingbird
import MaillageCore

/// What the placement form asks: which need, how many new places, within how many minutes by bus.
struct PlacementRequest {
    var need: Need
    var k = 3
    var minutes: Double

    /// The default proposal: three places within the diagnostic's reach time.
    init(need: Need, parameters: DiagnosticParameters) {
        self.need = need
        minutes = parameters.reachMinutes
    }

    init(_ reader: QueryReader, default need: Need, parameters: DiagnosticParameters) throws(ParameterError) {
        self.init(need: try DiagnosticController.need(reader, "placer") ?? need, parameters: parameters)
        k = try reader.number("k", 1...10).map { Int($0) } ?? k
        minutes = try reader.number("minutes", 5...120) ?? minutes
    }
}
