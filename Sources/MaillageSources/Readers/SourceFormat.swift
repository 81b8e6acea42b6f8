import Foundation
import MaillageCore

/// The file formats `maillage import` understands, detected from the file's name and first bytes.
public enum SourceFormat: String, CaseIterable, Sendable, Codable {
    case standardCSV = "standard-csv"
    case standardJSON = "standard-json"
    case conseillerNumerique = "conseiller-numerique"
    case dataInclusion = "data-inclusion"
    case franceServices = "france-services"
    case aidantsConnect = "aidants-connect"
    case bibliotheques
    case communes
    case epci
    case boundaries = "geojson-communes"
    case qpv
    case fragility = "fragilite-numerique"
    case broadband = "arcep"

    /// Whether the format holds places (as opposed to territory reference data).
    public var holdsPlaces: Bool {
        switch self {
        case .standardCSV, .standardJSON, .conseillerNumerique, .dataInclusion, .franceServices, .aidantsConnect, .bibliotheques: true
        default: false
        }
    }

    /// Detects the format from the header of the text (or the keys of the first JSON object).
    public static func detect(text: String, fileName: String) -> SourceFormat? {
        let head = String(text.prefix(4000))
        let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if head.hasPrefix("{") && head.contains("FeatureCollection") { return .boundaries }
        if head.hasPrefix("[") {
            if head.contains("\"Data pass ID\"") { return .aidantsConnect }
            if head.contains("\"membres\"") && head.contains("\"modeFinancement\"") { return .epci }
            if head.contains("\"structureId\"") || head.contains("\"nb_conseillers\"") { return .conseillerNumerique }
            if head.contains("\"date_maj\"") && head.contains("\"pivot\"") {
                return head.contains("\"dispositif_programmes_nationaux\"") ? .standardJSON : .dataInclusion
            }
            return nil
        }
        let columns = Set(firstLine.replacingOccurrences(of: "\"", with: "").split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmed })
        if columns.isSuperset(of: ["id", "pivot", "nom", "date_maj"]) { return .standardCSV }
        if columns.isSuperset(of: ["id_fs", "lib_fs"]) { return .franceServices }
        if columns.isSuperset(of: ["Libelle1", "code_bib"]) { return .bibliotheques }
        if columns.isSuperset(of: ["insee_com", "commune_type"]) { return .communes }
        if columns.isSuperset(of: ["CODGEO", "POP_MUN"]) { return .qpv }
        if columns.isSuperset(of: ["Code Iris", "Insee Com"]) { return .fragility }
        if head.contains("code_insee;nom_com;") { return .broadband }
        return nil
    }
}
