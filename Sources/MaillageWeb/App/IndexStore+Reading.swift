/// The index store is what every controller reads, each through the narrow protocols of what it uses.
extension IndexStore: PlaceIndexReading, StructureDirectoryReading, IndexSnapshotReading, IndexRefreshing, OrientationRuleBookReading {}
