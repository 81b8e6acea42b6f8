import MaillageCore

/// Reads the structures recognised from the current index's places, with their hand completions.
protocol StructureDirectoryReading: Sendable {
    var structures: StructureDirectory { get }
}
