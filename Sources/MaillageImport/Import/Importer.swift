import Foundation
import MaillageCore
import MaillageSources
import MaillageStorage
import SQLKit

/// Imports files into the database: detects and reads them (MaillageSources), stores them (MaillageStorage), merges
/// their records into places. Territory reference files first, then each place file in its own transaction with its
/// import run, then one merge of the communes the place files touched (several national files are merged once).
///
/// A file that cannot be read (or, in strict mode, any file with an invalid row) is rejected whole and leaves the
/// database unchanged; otherwise its valid rows are stored and its invalid ones reported with their lines. Every run
/// is recorded with its report.
public struct Importer: Sendable {
    public let database: AppDatabase
    public var strict: Bool
    public var merger: PlaceMerger

    public init(database: AppDatabase, strict: Bool = false, merger: PlaceMerger = PlaceMerger()) {
        self.database = database
        self.strict = strict
        self.merger = merger
    }

    /// The result of one file.
    public struct Outcome: Sendable, Codable {
        public var file: String
        public var imported: Bool
        public var report: ImportReport?
        public var changes: PlaceRepository.Changes?
        /// Why the file was rejected, when it was.
        public var error: String?
    }

    /// The outcome of each file, and how many places the merge that followed rebuilt.
    public struct Summary: Sendable, Codable {
        public var files: [Outcome]
        public var placesRebuilt: Int
    }

    /// Imports the files: territory files first, then each place file in its own transaction, then one merge of the
    /// communes they touched into places.
    public func run(_ urls: [URL], progress: @Sendable (String) -> Void = { _ in }) async throws -> Summary {
        var outcomes: [Outcome] = []
        var territoryFiles: [LoadedFile] = []
        var placeFiles: [LoadedFile] = []
        for url in urls {
            do {
                progress("Lecture de \(url.lastPathComponent)…")
                let file = try LoadedFile(url)
                if file.format.holdsPlaces { placeFiles.append(file) } else { territoryFiles.append(file) }
            } catch {
                outcomes.append(Outcome(file: url.lastPathComponent, imported: false, error: String(describing: error)))
            }
        }
        if !territoryFiles.isEmpty { outcomes += try await importTerritory(territoryFiles, progress: progress) }
        var written: [SourceRecord] = []
        if !placeFiles.isEmpty {
            let locator = PlaceLocator(territory: try await database.territories.load())
            // Reading is pure and each file independent: the files are read on every core, then stored in order.
            progress("Lecture des lieux (\(placeFiles.count) fichier(s))…")
            let reads = placeFiles.concurrentMap { file in
                Swift.Result { try PlaceFileReader.read(file.text, format: file.format, file: file.name, locator: locator) }
            }
            for (file, read) in zip(placeFiles, reads) {
                let (outcome, stored) = await importPlaces(file, read: read, progress: progress)
                outcomes.append(outcome)
                written += stored
            }
        }
        // One merge for all the files (and for whatever an interrupted import left pending).
        progress("Fusion des sources en lieux…")
        let placesRebuilt = try await finishPendingMerge(known: written)
        return Summary(files: outcomes, placesRebuilt: placesRebuilt)
    }

    /// Loads a territory pack into the database (reference data, then its records), in one transaction.
    public func load(_ pack: TerritoryPack) async throws -> PlaceRepository.Changes {
        try await database.transaction { db in try await load(pack, on: db) }
    }

    /// Loads a territory pack into an empty database, in one transaction under the setup lock: of instances started
    /// together on one empty database, the first loads it and the others, having waited for the lock, find it loaded.
    /// - Parameter pack: read only when the database is empty.
    /// - Returns: what the load changed, or nil when the database already held a territory.
    public func loadIntoEmpty(_ pack: @escaping @Sendable () throws -> TerritoryPack) async throws -> PlaceRepository.Changes? {
        let territories = database.territories
        guard try await territories.isEmpty() else { return nil }
        let read = try pack()
        return try await database.setupTransaction { db in
            guard try await territories.isEmpty(on: db) else { return nil }
            return try await load(read, on: db)
        }
    }

    private func load(_ pack: TerritoryPack, on db: any SQLDatabase) async throws -> PlaceRepository.Changes {
        try await database.territories.replace(with: pack.territory, on: db)
        return try await storeAndMerge(pack.records, on: db)
    }

    /// Stores records and rebuilds the places of the communes they touch, in one transaction.
    public func importRecords(_ records: [SourceRecord]) async throws -> PlaceRepository.Changes {
        try await database.transaction { db in try await storeAndMerge(records, on: db) }
    }

    /// Stores records and rebuilds the places of the communes they touch, inside the caller's transaction.
    private func storeAndMerge(_ records: [SourceRecord], on db: any SQLDatabase) async throws -> PlaceRepository.Changes {
        var (changes, _, written) = try await database.places.stage(records, readerVersion: \.readerVersion, on: db)
        changes.placesRebuilt = try await builder.rebuildPending(known: written, on: db)
        return changes
    }

    /// Stores records and marks the communes they touch as pending, in one transaction; ``finishPendingMerge(known:)``
    /// merges them. Returns what changed and the records now stored as given.
    public func stage(_ records: [SourceRecord]) async throws -> (changes: PlaceRepository.Changes, written: [SourceRecord]) {
        try await store(records) { _, changes, written in (changes, written) }
    }

    /// Stages the records in one transaction, a chunk at a time, and does `then` in the same transaction, with what
    /// changed and the records now stored as given.
    private func store<T: Sendable>(
        _ records: [SourceRecord],
        then: @escaping @Sendable (any SQLDatabase, PlaceRepository.Changes, [SourceRecord]) async throws -> T
    ) async throws -> T {
        let places = database.places
        return try await database.transaction { db in
            let (changes, _, written) = try await places.stage(records, readerVersion: \.readerVersion, on: db)
            return try await then(db, changes, written)
        }
    }

    /// Rebuilds the places of every pending commune, in one transaction.
    /// - Parameter known: records known to be stored as they are (from this import), merged without decoding them.
    /// - Returns: the number of places rebuilt.
    @discardableResult
    public func finishPendingMerge(known: [SourceRecord] = []) async throws -> Int {
        let builder = builder
        return try await database.transaction { db in try await builder.rebuildPending(known: known, on: db) }
    }

    /// How places are built from records: the merge, then the validated local fields.
    var builder: PlaceBuilder { PlaceBuilder(database: database, merger: merger) }

    /// A file read from disk and recognised, not parsed yet.
    private struct LoadedFile: Sendable {
        var name: String
        var text: String
        var format: SourceFormat
        var convertedFrom: String?

        init(_ url: URL) throws {
            let loaded = try FileLoader.load(url)
            name = url.lastPathComponent
            guard let format = SourceFormat.detect(text: loaded.text, fileName: name) else {
                throw ImportError(file: name, message: SourceFormat.unrecognised(text: loaded.text))
            }
            text = loaded.text
            self.format = format
            convertedFrom = loaded.convertedFrom
        }
    }

    /// Reads the territory files into the stored reference and replaces it, with their runs, in one transaction.
    private func importTerritory(_ files: [LoadedFile], progress: @Sendable (String) -> Void) async throws -> [Outcome] {
        var assembler = TerritoryAssembler(existing: try await database.territories.load())
        var outcomes: [Outcome] = []
        for file in files {
            do {
                let report = try assembler.add(file.text, format: file.format, file: file.name)
                progress("\(file.name) : \(report.accepted)/\(report.rowsRead) lignes acceptées")
                outcomes.append(Outcome(file: file.name, imported: true, report: report))
            } catch {
                outcomes.append(Outcome(file: file.name, imported: false, error: String(describing: error)))
            }
        }
        progress("Enregistrement du référentiel territorial…")
        let territory = assembler.build()
        let (territories, runs) = (database.territories, database.importRuns)
        let reports = outcomes.compactMap(\.report)
        try await database.transaction { db in
            try await territories.replace(with: territory, on: db)
            for report in reports { try await runs.record(report, imported: true, on: db) }
        }
        return outcomes
    }

    private func importPlaces(
        _ file: LoadedFile, read: Swift.Result<(records: [SourceRecord], report: ImportReport), any Error>,
        progress: @Sendable (String) -> Void
    ) async -> (Outcome, written: [SourceRecord]) {
        do {
            var (records, report) = try read.get()
            report.convertedFrom = file.convertedFrom
            if strict && report.rejected > 0 {
                try await recordRejection(report)
                return (
                    Outcome(
                        file: file.name, imported: false, report: report,
                        error: "\(report.rejected) ligne(s) invalide(s) : fichier rejeté, base inchangée"), []
                )
            }
            progress("\(file.name) : \(records.count) lieux lus, enregistrement…")
            let runs = database.importRuns
            let (changes, written) = try await store(records) { [report] db, changes, written in
                try await runs.record(report, imported: true, on: db)
                return (changes, written)
            }
            return (Outcome(file: file.name, imported: true, report: report, changes: changes), written)
        } catch let error as ImportError {
            return (Outcome(file: file.name, imported: false, error: error.description), [])
        } catch {
            return (Outcome(file: file.name, imported: false, error: "\(file.name) : échec de l'enregistrement, base inchangée (\(error))"), [])
        }
    }

    /// Records a rejected file's run in a transaction of its own: nothing else is written.
    private func recordRejection(_ report: ImportReport) async throws {
        let runs = database.importRuns
        try await database.transaction { db in try await runs.record(report, imported: false, on: db) }
    }
}
