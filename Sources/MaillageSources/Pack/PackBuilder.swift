import Foundation
import MaillageCore

/// Builds a ``TerritoryPack`` from a folder of national open-data files: every file is detected by its content, the
/// territory is assembled, places are read and located nationally, then kept only in the region (the focus EPCI and
/// the EPCIs that touch it).
public struct PackBuilder: Sendable {
    public let dataDirectory: URL

    public init(dataDirectory: URL) { self.dataDirectory = dataDirectory }

    public func build(focus: Siren, progress: (String) -> Void = { _ in }) throws -> TerritoryPack {
        var territoryFiles: [(URL, String, SourceFormat)] = []
        var placeFiles: [(URL, String, SourceFormat)] = []
        for url in try files() {
            let loaded = try FileLoader.load(url)
            guard let format = SourceFormat.detect(text: loaded.text, fileName: url.lastPathComponent) else { continue }
            if format.holdsPlaces { placeFiles.append((url, loaded.text, format)) } else { territoryFiles.append((url, loaded.text, format)) }
        }
        var assembler = TerritoryAssembler()
        for (url, text, format) in territoryFiles {
            let report = try assembler.add(text, format: format, file: url.lastPathComponent)
            progress("\(url.lastPathComponent) : \(report.accepted)/\(report.rowsRead)")
        }
        let national = assembler.build()
        guard let epci = national.epcis[focus] else { throw ImportError(file: dataDirectory.path, message: "EPCI \(focus) introuvable") }
        let neighbours = national.neighbouringEPCIs(of: focus)
        let region = Set(([epci] + neighbours).flatMap(\.members))
        progress("Région : \(epci.name) et \(neighbours.count) EPCI voisins, \(region.count) communes")
        let locator = PlaceLocator(territory: national)
        var records: [SourceRecord] = []
        var sources: [TerritoryPack.SourceNote] = territoryFiles.compactMap { Self.note(for: $0.2, file: $0.0.lastPathComponent) }
        for (url, text, format) in placeFiles {
            let (read, report) = try PlaceFileReader.read(text, format: format, file: url.lastPathComponent, locator: locator)
            let kept = read.filter { $0.place.codeInsee.map(region.contains) ?? false }
            progress("\(url.lastPathComponent) : \(report.accepted)/\(report.rowsRead) lus, \(kept.count) dans la région")
            if !kept.isEmpty, let note = Self.note(for: format, file: url.lastPathComponent) { sources.append(note) }
            records += kept
        }
        return TerritoryPack(
            name: "\(epci.name) et territoires voisins", focus: focus, sources: sources,
            territory: national.restricted(to: region), records: records)
    }

    private func files() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: dataDirectory, includingPropertiesForKeys: [.isRegularFileKey])
        var urls: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            let name = url.lastPathComponent
            if name.hasSuffix(".csv") || name.hasSuffix(".json") || name.hasSuffix(".geojson") || name.hasSuffix(".gz") { urls.append(url) }
        }
        return urls.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// What the pack states about each source.
    static func note(for format: SourceFormat, file: String) -> TerritoryPack.SourceNote? {
        let lo2 = "Licence Ouverte 2.0 (Etalab)"
        let entry: (String, String, String, String)? =
            switch format {
            case .communes: ("Communes (COG 2024, population 2021, codes postaux)", "INSEE, La Poste (via rcarlier/datas.fun)", "2024", lo2)
            case .epci: ("EPCI à fiscalité propre et communes membres", "Etalab, découpage administratif", "2025", lo2)
            case .boundaries:
                (
                    "Contours simplifiés des communes", "IGN Admin Express COG 2018 (via gregoiredavid/france-geojson)", "2018",
                    "Licence Ouverte (IGN/INSEE)"
                )
            case .qpv: ("Quartiers prioritaires 2015, données démographiques", "ANCT / INSEE", "2020", lo2)
            case .fragility:
                (
                    "Indice de fragilité numérique par IRIS, agrégé par commune", "La MedNum (fragilite-numerique.fr)", "2020",
                    "Données ouvertes de La MedNum ; licence de redistribution à confirmer"
                )
            case .broadband: ("Éligibilité au haut et très haut débit fixe par commune", "ARCEP, Ma connexion internet", "2019-09", lo2)
            case .franceServices: ("Structures labellisées France services", "ANCT", "2022-12-01", lo2)
            case .conseillerNumerique: ("Lieux des conseillers numériques France Services", "ANCT", "2022-12", lo2)
            case .dataInclusion:
                ("Structures de médiation numérique (data·inclusion)", "GIP de l'inclusion", "2023-02", lo2 + " ; sources amont à vérifier")
            case .aidantsConnect: ("Structures habilitées Aidants Connect", "ANCT / DINUM", "2023-01", lo2)
            case .bibliotheques:
                ("Adresses des bibliothèques publiques", "Ministère de la Culture (Observatoire de la lecture publique)", "2019-2020", lo2)
            case .standardCSV, .standardJSON:
                ("Fichier au standard des lieux de médiation numérique", "producteur du fichier", "—", "selon le producteur")
            }
        return entry.map { TerritoryPack.SourceNote(file: file, title: $0.0, publisher: $0.1, vintage: $0.2, licence: $0.3) }
    }

    /// The human-readable statement of a pack's contents, sources and licences (`SOURCES.md`).
    public static func sourcesDocument(for pack: TerritoryPack) -> String {
        var text = """
            # Paquet de territoire : \(pack.name)

            Produced by `maillage pack` (Maillage's own code) from the national open-data files listed below.
            It holds facts only: reference data of \(pack.communes.count) communes and \(pack.epcis.count) EPCI (centred on \(pack.focus)),
            \(pack.qpvs.count) QPV, digital-fragility and broadband figures, and \(pack.records.count) source records of places.
            Free-text presentations are removed, and so are contacts that may be a person's (personal-looking e-mails, mobile numbers).
            Format version \(pack.formatVersion). Rebuild with `swift run maillage pack`.

            | file | content | publisher | vintage | licence |
            | --- | --- | --- | --- | --- |

            """
        for note in pack.sources.sorted(by: { $0.file < $1.file }) {
            text += "| `\(note.file)` | \(note.title) | \(note.publisher) | \(note.vintage) | \(note.licence) |\n"
        }
        return text
    }
}
