import Benchmark
import MaillageCore

let journeyBenchmarks: @Sendable () -> Void = {
    // Karima (2 needs, Saturday only, free, by bus) in Denain, on the national index.
    Benchmark("One journey on the national index", configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxIterations: 30)) { benchmark in
        let index = nationalIndex
        let karima = Persona.defaultLibrary.first { $0.id == "karima" }!
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(Journey.compute(for: karima, index: index)) }
    }

    // The workshop matrix: every default persona living in each of the 47 communes of CAPH.
    Benchmark("Workshop matrix: default personas × the 47 communes of CAPH", configuration: .init(maxIterations: 30)) { benchmark in
        let index = nationalIndex
        let communes = index.territory.epcis[.caph]!.members
        benchmark.startMeasurement()
        blackHole(WorkshopMatrix.compute(personas: Persona.defaultLibrary, communes: communes, index: index))
    }
}
