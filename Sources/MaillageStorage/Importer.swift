import Foundation
import MaillageCore
import MaillageSources

/// Imports files into the database, one transaction per file: territory reference files first, then place files, then
/// one merge of the communes the place files touched (so that several national files are merged once, not once each).
///
/// A file that cannot be read, or a standard file with any invalid row (or any file with one, in strict mode), is
/// rejected whole and leaves the database unchanged. Every run is recorded with its report.
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
        var territoryFiles: [(URL, String, SourceFormat)] = []
        var placeFiles: [PlaceFile] = []
        for url in urls {
            do {
                progress("Lecture de \(url.lastPathComponent)…")
                let loaded = try FileLoader.load(url)
                guard let format = SourceFormat.detect(text: loaded.text, fileName: url.lastPathComponent) else {
                    throw ImportError(file: url.lastPathComponent, message: "format non reconnu (en-tête inattendu)")
                }
                if format.holdsPlaces {
                    placeFiles.append(PlaceFile(name: url.lastPathComponent, text: loaded.text, format: format, convertedFrom: loaded.convertedFrom))
                } else {
                    territoryFiles.append((url, loaded.text, format))
                }
            } catch {
                outcomes.append(Outcome(file: url.lastPathComponent, imported: false, error: String(describing: error)))
            }
        }
        if !territoryFiles.isEmpty {
            var assembler = TerritoryAssembler(existing: try await database.territories.load())
            for (url, text, format) in territoryFiles {
                do {
                    let report = try assembler.add(text, format: format, file: url.lastPathComponent)
                    progress("\(url.lastPathComponent) : \(report.accepted)/\(report.rowsRead) lignes acceptées")
                    outcomes.append(Outcome(file: url.lastPathComponent, imported: true, report: report))
                } catch {
                    outcomes.append(Outcome(file: url.lastPathComponent, imported: false, error: String(describing: error)))
                }
            }
            progress("Enregistrement du référentiel territorial…")
            try await database.territories.replace(with: assembler.build())
        }
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
        let placesRebuilt = try await database.places.rebuildPendingBlocks(merger: merger, known: written)
        for outcome in outcomes {
            if let report = outcome.report { try await database.importRuns.record(report, imported: outcome.imported) }
        }
        return Summary(files: outcomes, placesRebuilt: placesRebuilt)
    }

    /// Loads a territory pack into the database (reference data, then its records), in two transactions.
    public func load(_ pack: TerritoryPack) async throws -> PlaceRepository.Changes {
        try await database.territories.replace(with: pack.territory)
        return try await database.places.importRecords(pack.records, merger: merger)
    }

    /// A place file loaded and recognised, not read yet.
    private struct PlaceFile: Sendable {
        var name: String
        var text: String
        var format: SourceFormat
        var convertedFrom: String?
    }

    private func importPlaces(_ file: PlaceFile, read: Swift.Result<(records: [SourceRecord], report: ImportReport), any Error>,
                              progress: @Sendable (String) -> Void) async -> (Outcome, written: [SourceRecord]) {
        do {
            var (records, report) = try read.get()
            report.convertedFrom = file.convertedFrom
            let rejectWhole = strict || file.format == .standardCSV || file.format == .standardJSON
            if rejectWhole && report.rejected > 0 {
                return (Outcome(file: file.name, imported: false, report: report,
                                error: "\(report.rejected) ligne(s) invalide(s) : fichier rejeté, base inchangée"), [])
            }
            progress("\(file.name) : \(records.count) lieux lus, enregistrement…")
            let (changes, written) = try await database.places.stage(records)
            return (Outcome(file: file.name, imported: true, report: report, changes: changes), written)
        } catch let error as ImportError {
            return (Outcome(file: file.name, imported: false, error: error.description), [])
        } catch {
            return (Outcome(file: file.name, imported: false, error: "\(file.name) : échec de l'enregistrement, base inchangée (\(error))"), [])
        }
    }
}
