import Foundation
import MaillageCore

/// Builds territory reference data from its files (communes, EPCI, boundaries, QPV, fragility, broadband), in any
/// order, on top of what is already known.
public struct TerritoryAssembler: Sendable {
    private var communes: [CommuneCode: Commune]
    private var postalCodes: [String: Set<CommuneCode>]
    private var epcis: [Siren: EPCI]
    private var qpvs: [String: QPV]
    private var fragility: [CommuneCode: FragilityIndex]
    private var broadband: [CommuneCode: BroadbandEligibility]
    private var pendingBoundaries: [CommuneCode: MultiPolygon] = [:]

    public init(existing: TerritoryData? = nil) {
        communes = existing?.communes ?? [:]
        postalCodes = existing?.postalCodes ?? [:]
        epcis = existing?.epcis ?? [:]
        qpvs = existing?.qpvs ?? [:]
        fragility = existing?.fragility ?? [:]
        broadband = existing?.broadband ?? [:]
    }

    /// Adds one territory file; returns its report.
    public mutating func add(_ text: String, format: SourceFormat, file: String) throws(ImportError) -> ImportReport {
        switch format {
        case .communes:
            let result = CommunesReader.read(text, file: file)
            for var commune in result.communes {
                commune.boundary = communes[commune.code]?.boundary ?? pendingBoundaries.removeValue(forKey: commune.code)
                communes[commune.code] = commune
            }
            postalCodes.merge(result.postalCodes) { $0.union($1) }
            return result.report
        case .epci:
            let result = try EPCIReader.read(text, file: file)
            for epci in result.epcis { epcis[epci.siren] = epci }
            return result.report
        case .boundaries:
            var result = try BoundariesReader.read(text, file: file)
            for (code, boundary) in result.boundaries {
                if communes[code] != nil { communes[code]?.boundary = boundary } else { pendingBoundaries[code] = boundary }
            }
            if !communes.isEmpty {
                let unknown = result.boundaries.keys.filter { communes[$0] == nil }.sorted()
                for code in unknown {
                    result.report.warn(line: 0, field: "code", "commune « \(code) » absente du référentiel : contour conservé à part")
                }
            }
            return result.report
        case .qpv:
            let result = QPVReader.read(text, file: file)
            for qpv in result.qpvs { qpvs[qpv.code] = qpv }
            return result.report
        case .fragility:
            let result = FragilityReader.read(text, file: file)
            for index in result.indices { fragility[index.commune] = index }
            return result.report
        case .broadband:
            let result = BroadbandReader.read(text, file: file)
            for item in result.eligibility { broadband[item.commune] = item }
            return result.report
        default:
            throw ImportError(file: file, message: "le format \(format.rawValue) n'est pas un référentiel territorial")
        }
    }

    /// Loads, detects and adds a territory file.
    public mutating func add(_ url: URL) throws(ImportError) -> ImportReport {
        let loaded = try FileLoader.load(url)
        guard let format = SourceFormat.detect(text: loaded.text, fileName: url.lastPathComponent), !format.holdsPlaces else {
            throw ImportError(file: url.lastPathComponent, message: "ce n'est pas un fichier de référentiel territorial")
        }
        var report = try add(loaded.text, format: format, file: url.lastPathComponent)
        report.convertedFrom = loaded.convertedFrom
        return report
    }

    public func build() -> TerritoryData {
        TerritoryData(
            communes: Array(communes.values), postalCodes: postalCodes, epcis: Array(epcis.values), qpvs: Array(qpvs.values),
            fragility: Array(fragility.values), broadband: Array(broadband.values))
    }
}
