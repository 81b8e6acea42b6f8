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
        let columns = Set(
            firstLine.replacingOccurrences(of: "\"", with: "").split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { $0.trimmed })
        // A standard file missing a required column is still one: its reader names the columns missing.
        if columns.isSuperset(of: ["id", "pivot", "nom", "date_maj"])
            || columns.intersection(StandardColumn.allCases.map(\.rawValue)).count >= 8
        {
            return .standardCSV
        }
        if columns.isSuperset(of: ["id_fs", "lib_fs"]) { return .franceServices }
        if columns.isSuperset(of: ["Libelle1", "code_bib"]) { return .bibliotheques }
        if columns.isSuperset(of: ["insee_com", "commune_type"]) { return .communes }
        if columns.isSuperset(of: ["CODGEO", "POP_MUN"]) { return .qpv }
        if columns.isSuperset(of: ["Code Iris", "Insee Com"]) { return .fragility }
        if head.contains("code_insee;nom_com;") { return .broadband }
        return nil
    }

    /// Why a text is no known format, in French: an empty file says so; otherwise the header read and the formats
    /// Maillage knows, each by what identifies it.
    public static func unrecognised(text: String) -> String {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map { String($0.prefix(120)) } ?? ""
        guard !text.trimmed.isEmpty else { return "fichier vide : aucune ligne à lire" }
        return "format non reconnu : la première ligne « \(firstLine) » ne correspond à aucun format connu. Formats lus : "
            + known.map { "\($0.name) (\($0.signature))" }.joined(separator: " ; ")
    }

    /// Each format Maillage reads, and what identifies it.
    static let known: [(name: String, signature: String)] = [
        ("standard national CSV", "colonnes id, pivot, nom, date_maj…"),
        ("standard national JSON", "tableau d'objets avec pivot, date_maj, dispositif_programmes_nationaux"),
        ("France services (ANCT)", "colonnes id_fs, lib_fs"), ("Conseillers numériques (ANCT)", "JSON avec structureId ou nb_conseillers"),
        ("data·inclusion", "JSON avec pivot, date_maj"), ("Aidants Connect", "JSON avec « Data pass ID »"),
        ("bibliothèques", "colonnes Libelle1, code_bib"),
        ("communes", "colonnes insee_com, commune_type"), ("EPCI", "JSON avec membres, modeFinancement"),
        ("contours des communes", "GeoJSON FeatureCollection"),
        ("QPV", "colonnes CODGEO, POP_MUN"), ("fragilité numérique", "colonnes Code Iris, Insee Com"), ("ARCEP", "code_insee;nom_com;…")
    ]
}
