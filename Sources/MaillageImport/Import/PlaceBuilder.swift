import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage
import SQLKit

/// Builds the places of blocks from their stored records: the merge of the national files, then the validated local
/// fields laid over (``DeclaredValues``) and the places reported gone left out. The importer, the review of
/// declarations and the place page's explanations all build places this one way.
public struct PlaceBuilder: Sendable {
    public let database: AppDatabase
    public var merger: PlaceMerger

    public init(database: AppDatabase, merger: PlaceMerger = PlaceMerger()) {
        self.database = database
        self.merger = merger
    }

    /// Rebuilds every pending block inside the caller's transaction; returns the number of places rebuilt.
    /// - Parameter known: records known to be stored as they are (from this import), merged without decoding them.
    /// How many blocks one step of a merge rebuilds.
    public static let blocksPerMerge = 400

    public func rebuildPending(known: [SourceRecord] = [], blocksPerStep: Int = blocksPerMerge, on db: any SQLDatabase) async throws -> Int {
        let places = database.places
        let blocks = try await places.pendingBlocks(on: db)
        guard !blocks.isEmpty else { return 0 }
        let knownByKey = Dictionary(known.map { ($0.provenance.key, $0) }, uniquingKeysWith: { _, last in last })
        // a few hundred blocks at a time: memory holds their records and places, not the whole country's
        var rebuilt = 0
        for start in stride(from: 0, to: blocks.count, by: blocksPerStep) {
            let group = Array(blocks[start..<min(start + blocksPerStep, blocks.count)])
            let merged = try await build(try await places.records(inBlocks: group, known: knownByKey, on: db), recordNational: true, on: db)
            try await places.replacePlaces(inBlocks: group, with: merged, on: db)
            rebuilt += merged.count
        }
        return rebuilt
    }

    /// The places of these records: merged, with their validated fields, without those reported gone. With
    /// `recordNational`, what the national files now say for each validated field is stored for the disagreements.
    public func build(_ records: [SourceRecord], recordNational: Bool, on db: any SQLDatabase) async throws -> [MergedPlace] {
        let merged = merger.merge(records)
        let anchors = records.map(\.provenance.key)
        let declarations = database.declarations
        let validated = Dictionary(grouping: try await declarations.validatedFields(anchors: anchors, on: db), by: \.anchor)
        let withdrawn = try await declarations.withdrawn(among: anchors, on: db)
        var national: [(anchor: String, column: StandardColumn, national: String)] = []
        let built = merged.compactMap { place -> MergedPlace? in
            let keys = place.provenances.map(\.key)
            if keys.contains(where: withdrawn.contains) { return nil }
            let fields = keys.flatMap { validated[$0] ?? [] }
            let (result, values) = DeclaredValues.apply(fields, to: place)
            for field in fields { if let value = values[field.column] { national.append((field.anchor, field.column, value)) } }
            return result
        }
        if recordNational { try await declarations.recordNational(national, on: db) }
        return built
    }

    /// A place with its field sources and merge decisions, built again from its block's records; the place as given
    /// when its records are gone.
    public func explained(_ place: MergedPlace) async throws -> MergedPlace {
        let records = try await database.places.records(inBlocks: [place.place.blockKey], known: [:], on: database.sql)
        return try await build(records, recordNational: false, on: database.sql).first { $0.id == place.id } ?? place
    }
}
