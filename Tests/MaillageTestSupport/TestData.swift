import Foundation
import MaillageCore
import MaillageSources

/// Where the tests find the real open data and the shipped pack, relative to this repository.
public enum TestData {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    public static let pack = repository.appendingPathComponent("Sources/maillage/Pack/caph-200042190.pack.json.gz")

    public static func file(_ relativePath: String) -> URL { shared.appendingPathComponent(relativePath) }

    public static func text(_ relativePath: String) throws -> String { try FileLoader.load(file(relativePath)).text }

    /// The national territory (communes, EPCI, boundaries of Nord and Pas-de-Calais, QPV, IFN, ARCEP), read once.
    public static let nationalTerritory: TerritoryData = {
        var assembler = TerritoryAssembler()
        for path in [
            "territoire/communes-france-2024.csv.gz", "territoire/epci-france-2025.json.gz",
            "territoire/communes-59-nord-2018.geojson", "territoire/communes-62-pas-de-calais-2018.geojson",
            "qpv/qpv-2015-demographie-2020.csv", "fragilite-numerique/indice-fragilite-numerique-2020-hauts-de-france-iris.csv",
            "connectivite/arcep-eligibilite-debit-commune-2019-09.csv.gz"
        ] {
            _ = try! assembler.add(file(path))
        }
        return assembler.build()
    }()

    public static var nationalLocator: PlaceLocator { PlaceLocator(territory: nationalTerritory) }

    /// Every place file of `lieux/` read against the national territory, once.
    public static let nationalRecords: [String: (records: [SourceRecord], report: ImportReport)] = {
        var result: [String: (records: [SourceRecord], report: ImportReport)] = [:]
        for name in placeFiles { result[name] = try! PlaceFileReader.read(file("lieux/\(name)"), locator: nationalLocator) }
        return result
    }()

    public static let placeFiles = [
        "france-services-2022-12.csv", "conseillers-numeriques-lieux-2022-12.json",
        "data-inclusion-structures-mediation-numerique-2023-02.json", "aidants-connect-structures-2023-01.json",
        "bibliotheques-publiques-france.csv.gz"
    ]

    /// The territory pack shipped with the executable.
    public static func loadPack() throws -> TerritoryPack { try TerritoryPack.read(pack) }

    /// CAPH's 47 member communes as the national EPCI list gives them.
    public static let caphCommunes: Set<CommuneCode> = Set(nationalTerritory.epcis[.caph]!.members)
}

extension TestData {
    /// The search index of the shipped pack (CAPH and its six neighbouring EPCIs), built once.
    public static let packIndex: PlaceIndex = {
        let pack = try! loadPack()
        return PlaceIndex(places: PlaceMerger().merge(pack.records), territory: pack.territory)
    }()
}
