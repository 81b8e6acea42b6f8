import Benchmark
import Foundation
import MaillageCore
import MaillageSources
import MaillageImport
import MaillageStorage

/// The repository, wherever the benchmark is launched from.
let repository: URL = {
    var directory = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { directory.deleteLastPathComponent() }  // file name, target folder, Benchmarks
    return directory
}()

/// The open data beside the repository (`../shared/data`).
let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

let placeFiles = [
    "lieux/france-services-2022-12.csv", "lieux/conseillers-numeriques-lieux-2022-12.json",
    "lieux/data-inclusion-structures-mediation-numerique-2023-02.json", "lieux/aidants-connect-structures-2023-01.json",
    "lieux/bibliotheques-publiques-france.csv.gz",
]

let territoryFiles = [
    "territoire/communes-france-2024.csv.gz", "territoire/epci-france-2025.json.gz",
    "territoire/communes-59-nord-2018.geojson", "territoire/communes-62-pas-de-calais-2018.geojson",
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(120), maxIterations: 5)
    searchBenchmarks()
    diagnosticBenchmarks()
    journeyBenchmarks()
    accountBenchmarks()

    // The whole national import: read and locate every row of the five place files, store them in a fresh SQLite
    // file and merge them into places. The territory reference is loaded beforehand (not measured).
    Benchmark("Import all national place sources into SQLite", configuration: .init(maxIterations: 3)) { benchmark in
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-bench-\(UUID().uuidString)")
        let database = try await AppDatabase.open(.sqlite(path: directory.appendingPathComponent("db.sqlite").path))
        _ = try await Importer(database: database).run(territoryFiles.map { sharedData.appendingPathComponent($0) })
        benchmark.startMeasurement()
        let result = try await Importer(database: database).run(placeFiles.map { sharedData.appendingPathComponent($0) })
        benchmark.stopMeasurement()
        precondition(result.files.allSatisfy(\.imported) && result.placesRebuilt > 0)
        try await database.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    // The same rows read and located only (no storage), to see where the time goes.
    Benchmark("Read and locate all national place rows") { benchmark in
        var assembler = TerritoryAssembler()
        for file in territoryFiles { _ = try assembler.add(sharedData.appendingPathComponent(file)) }
        let locator = PlaceLocator(territory: assembler.build())
        benchmark.startMeasurement()
        var rows = 0
        for file in placeFiles { rows += try PlaceFileReader.read(sharedData.appendingPathComponent(file), locator: locator).records.count }
        benchmark.stopMeasurement()
        blackHole(rows)
    }
}
