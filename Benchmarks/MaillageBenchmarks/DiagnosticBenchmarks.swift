import Benchmark
import MaillageCore
import MaillageWeb

let diagnosticBenchmarks: @Sendable () -> Void = {
    // Every commune of France × the 20 needs, on the national index (all sources merged).
    Benchmark("Diagnostic of all of France on the national index", configuration: .init(maxIterations: 5)) { benchmark in
        let index = nationalIndex
        let france = Perimeter(name: "France", communes: index.territory.communes.keys.sorted())
        benchmark.startMeasurement()
        blackHole(Diagnostic.compute(perimeter: france, index: index))
    }

    Benchmark("Diagnostic of CAPH on the national index", configuration: .init(maxIterations: 50)) { benchmark in
        let index = nationalIndex
        let caph = Perimeter.epci(index.territory.epcis[.caph]!)
        benchmark.startMeasurement()
        blackHole(Diagnostic.compute(perimeter: caph, index: index))
    }

    // What the diagnostic page costs the server: computing, the placement proposal, the SVG map and the templates
    // (here with the templates loaded on each run, which the server does once).
    Benchmark("CAPH diagnostic report rendered as HTML", configuration: .init(maxIterations: 30)) { benchmark in
        let index = nationalIndex
        let caph = Perimeter.epci(index.territory.epcis[.caph]!)
        benchmark.startMeasurement()
        blackHole(try await DiagnosticReport.standaloneHTML(Diagnostic.compute(perimeter: caph, index: index), index: index))
    }
}
