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
    public struct Result: Sendable, Codable {
        public var files: [Outcome]
        public var placesRebuilt: Int
    }

    /// Imports the files: territory files first, then each place file in its own transaction, then one merge of the
    /// communes they touched into places.
    public func run(_ urls: [URL], progress: @Sendable (String) -> Void = { _ in }) async throws -> Result {
        var outcomes: [Outcome] = []
        var territoryFiles: [(URL, String, SourceFormat)] = []
        var placeFiles: [(URL, String, SourceFormat, String?)] = []
        for url in urls {
            do {
                progress("Lecture de \(url.lastPathComponent)…")
                let loaded = try FileLoader.load(url)
                guard let format = SourceFormat.detect(text: loaded.text, fileName: url.lastPathComponent) else {
                    throw ImportError(file: url.lastPathComponent, message: "format non reconnu (en-tête inattendu)")
                }
                if format.holdsPlaces {
                    placeFiles.append((url, loaded.text, format, loaded.convertedFrom))
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
            for (url, text, format, converted) in placeFiles {
                let (outcome, stored) = await importPlaces(text, format: format, file: url.lastPathComponent, converted: converted,
                                                           locator: locator, progress: progress)
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
        return Result(files: outcomes, placesRebuilt: placesRebuilt)
    }

    /// Loads a territory pack into the database (reference data, then its records), in two transactions.
    public func load(_ pack: TerritoryPack) async throws -> PlaceRepository.Changes {
        try await database.territories.replace(with: pack.territory)
        return try await database.places.importRecords(pack.records, merger: merger)
    }

    private func importPlaces(_ text: String, format: SourceFormat, file: String, converted: String?, locator: PlaceLocator,
                              progress: @Sendable (String) -> Void) async -> (Outcome, written: [SourceRecord]) {
        do {
            progress("\(file) : lecture des lieux (\(format.rawValue))…")
            var (records, report) = try PlaceFileReader.read(text, format: format, file: file, locator: locator)
            report.convertedFrom = converted
            let rejectWhole = strict || format == .standardCSV || format == .standardJSON
            if rejectWhole && report.rejected > 0 {
                return (Outcome(file: file, imported: false, report: report,
                                error: "\(report.rejected) ligne(s) invalide(s) : fichier rejeté, base inchangée"), [])
            }
            progress("\(file) : \(records.count) lieux lus, enregistrement…")
            let (changes, written) = try await database.places.stage(records)
            return (Outcome(file: file, imported: true, report: report, changes: changes), written)
        } catch let error as ImportError {
            return (Outcome(file: file, imported: false, error: error.description), [])
        } catch {
            return (Outcome(file: file, imported: false, error: "\(file) : échec de l'enregistrement, base inchangée (\(error))"), [])
        }
    }
}
