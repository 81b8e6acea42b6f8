import Foundation
import MaillageCore

/// Reads any place file Maillage knows, by format.
public enum PlaceFileReader {
    public static func read(
        _ text: String, format: SourceFormat, file: String, locator: PlaceLocator
    ) throws(ImportError)
        -> (records: [SourceRecord], report: ImportReport)
    {
        switch format {
        case .standardCSV: return try StandardReader.readCSV(text, file: file, locator: locator)
        case .standardJSON: return try StandardReader.readJSON(text, file: file, locator: locator)
        case .conseillerNumerique: return try MediationJSONReader.read(text, file: file, source: .conseillerNumerique, locator: locator)
        case .dataInclusion: return try MediationJSONReader.read(text, file: file, source: .dataInclusion, locator: locator)
        case .franceServices: return FranceServicesReader.read(text, file: file, locator: locator)
        case .aidantsConnect: return try AidantsConnectReader.read(text, file: file, locator: locator)
        case .bibliotheques: return LibrariesReader.read(text, file: file, locator: locator)
        default: throw ImportError(file: file, message: "le format \(format.rawValue) ne contient pas de lieux")
        }
    }

    /// Loads, detects and reads a place file.
    public static func read(_ url: URL, locator: PlaceLocator) throws(ImportError) -> (records: [SourceRecord], report: ImportReport) {
        let loaded = try FileLoader.load(url)
        guard let format = SourceFormat.detect(text: loaded.text, fileName: url.lastPathComponent) else {
            throw ImportError(file: url.lastPathComponent, message: SourceFormat.unrecognised(text: loaded.text))
        }
        var result = try read(loaded.text, format: format, file: url.lastPathComponent, locator: locator)
        result.report.convertedFrom = loaded.convertedFrom
        return result
    }
}
