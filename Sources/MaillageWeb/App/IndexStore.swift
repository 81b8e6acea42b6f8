import Logging
import MaillageCore
import MaillageStorage
import ServiceLifecycle
import Synchronization

/// Holds the current search index; a rebuilt index replaces it atomically, so a request always sees one whole index.
///
/// It follows the database's change log: when places of some communes changed (an import here or on another
/// instance), only those communes' places are read again and the index rebuilt around them; a territory change, or
/// changes older than the log keeps, reload everything.
final class IndexStore: Sendable {
    /// An index and what is derived from it, replaced together.
    struct Snapshot: Sendable {
        let index: PlaceIndex
        /// The structures recognised from the index's places, with their hand completions.
        var structures: StructureDirectory { rules.structures }
        /// Every territory's orientation rules, with those structures: the journeys and `/orienter` read them first.
        let rules: OrientationRuleBook
        var placeJSON = PlaceJSONCache()
        /// Diagnostics and matrices computed on this index.
        var diagnostics = ResultCache<Perimeter, Diagnostic>(capacity: 8)
        var matrices = ResultCache<MatrixKey, WorkshopMatrix>(capacity: 16)
        /// The last change-log entry the index reflects.
        let seenChange: Int
    }

    let database: AppDatabase
    private let snapshotStore: Mutex<Snapshot>

    init(database: AppDatabase) async throws {
        self.database = database
        // The log position is read before the data: a write in between is seen again by the next refresh.
        let seen = try await database.changes.latest()
        let index = try await Self.load(from: database)
        snapshotStore = Mutex(Snapshot(index: index, rules: try await database.ruleBook(for: index), seenChange: seen))
    }

    var snapshot: Snapshot { snapshotStore.withLock { $0 } }
    var current: PlaceIndex { snapshot.index }
    var structures: StructureDirectory { snapshot.structures }
    var rules: OrientationRuleBook { snapshot.rules }

    /// What a refresh did.
    enum Refresh: Equatable {
        case unchanged
        /// The places of these blocks were read again.
        case blocks(Int)
        case everything
    }

    /// Brings the index up to date with the change log; returns what it reloaded.
    @discardableResult
    func refreshIfChanged() async throws -> Refresh {
        let current = snapshot
        let latest = try await database.changes.latest()
        guard latest != current.seenChange else { return .unchanged }
        let changes = try await database.changes.changes(after: current.seenChange)
        let refresh: Refresh
        let index: PlaceIndex
        if let items = changes.items, items[.territory] == nil {
            let blocks = items[.places] ?? []
            guard !blocks.isEmpty else {
                // Nothing of the places changed (a persona, say): the same index, and what was computed on it — but the
                // matrices follow the rules, which follow the structures.
                let structuresChanged = items[.structures] != nil, rulesChanged = structuresChanged || items[.orientationRules] != nil
                let rules =
                    rulesChanged
                    ? try await database.ruleBook(for: current.index, structures: structuresChanged ? nil : current.structures)
                    : current.rules
                var next = Snapshot(
                    index: current.index, rules: rules, placeJSON: current.placeJSON, diagnostics: current.diagnostics,
                    seenChange: changes.latest)
                if !rulesChanged { next.matrices = current.matrices }
                snapshotStore.withLock { $0 = next }
                return .unchanged
            }
            let reloaded = try await database.places.all(inBlocks: blocks.sorted())
            let kept = current.index.entries.lazy.map(\.merged).filter { !blocks.contains($0.place.blockKey) }
            index = PlaceIndex(places: (Array(kept) + reloaded).sorted { $0.id < $1.id }, territory: current.index.territory)
            refresh = .blocks(blocks.count)
        } else {
            index = try await Self.load(from: database)
            refresh = .everything
        }
        let rules = try await database.ruleBook(for: index)
        snapshotStore.withLock { $0 = Snapshot(index: index, rules: rules, seenChange: changes.latest) }
        return refresh
    }

    private static func load(from database: AppDatabase) async throws -> PlaceIndex {
        let (places, territory) = try await database.placesAndTerritory()
        return PlaceIndex(places: places, territory: territory)
    }
}
