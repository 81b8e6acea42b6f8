import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MaillageCore
import MaillageStorage
import MaillageWeb
import Metrics
import Prometheus

/// The territory packs shipped with the executable.
enum BundledPack {
    static var caph: URL? { Bundle.module.url(forResource: "caph-200042190.pack.json", withExtension: "gz", subdirectory: "Pack") }
}
