import Benchmark
import Foundation
import MaillageCore
import MaillageSources

/// Every national place source read, located and merged: the national index's input (built once, not measured).
private let nationalPlaces: (places: [MergedPlace], territory: TerritoryData) = {
    var assembler = TerritoryAssembler()
    for file in territoryFiles + territoryExtras { _ = try! assembler.add(sharedData.appendingPathComponent(file)) }
    let territory = assembler.build()
    let locator = PlaceLocator(territory: territory)
    let records = placeFiles.flatMap { try! PlaceFileReader.read(sharedData.appendingPathComponent($0), locator: locator).records }
    return (PlaceMerger().merge(records), territory)
}()

/// QPV and digital fragility, which the diagnostic weighs with.
private let territoryExtras = ["qpv/qpv-2015-demographie-2020.csv", "fragilite-numerique/indice-fragilite-numerique-2020-hauts-de-france-iris.csv"]

/// The national index, built once for the query benchmarks.
let nationalIndex = PlaceIndex(places: nationalPlaces.places, territory: nationalPlaces.territory)

let searchBenchmarks: @Sendable () -> Void = {
    Benchmark("Build the national place index (all sources merged)", configuration: .init(maxIterations: 10)) { benchmark in
        let input = nationalPlaces
        benchmark.startMeasurement()
        blackHole(PlaceIndex(places: input.places, territory: input.territory))
    }

    // The 70-year-old of Raismes: administrative help, free, in person, within 10 km.
    Benchmark("One query on the national index: 3 filters and a radius",
              configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 60)) { benchmark in
        let index = nationalIndex
        let query = SearchQuery(origin: .commune(CommuneCode("59491")!), radiusMetres: 10_000, services: [.aideDemarchesAdministratives],
                                fees: [.gratuit], inPerson: true)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(index.search(query)) }
    }
}
