import MaillageCore
import MaillageSources
import MaillageStorage

/// Explains a merged place — which record gave each field, why records were joined — by merging the records of its
/// block again: the merge is deterministic, so its explanations need not be stored with every place.
public struct PlaceExplainer: Sendable {
    public let database: AppDatabase
    public var merger: PlaceMerger

    public init(database: AppDatabase, merger: PlaceMerger = PlaceMerger()) {
        self.database = database
        self.merger = merger
    }

    /// The place with its field sources and merge decisions; the place as given when its records are gone.
    public func explained(_ place: MergedPlace) async throws -> MergedPlace {
        let records = try await database.places.records(inBlocks: [place.place.blockKey], known: [:], on: database.sql)
        return merger.merge(records).first { $0.id == place.id } ?? place
    }
}
