import Foundation
import MaillageCore

/// A compact, self-contained territory: reference data and source records of a region, facts only, with its sources.
///
/// Written by `maillage pack`, shipped in the repository, loaded into an empty database on first start.
public struct TerritoryPack: Codable, Sendable {
    public static let currentFormatVersion = 1

    /// Where the data comes from, as stated in the pack.
    public struct SourceNote: Codable, Sendable, Hashable {
        public var file: String
        public var title: String
        public var publisher: String
        public var vintage: String
        public var licence: String

        public init(file: String, title: String, publisher: String, vintage: String, licence: String) {
            self.file = file
            self.title = title
            self.publisher = publisher
            self.vintage = vintage
            self.licence = licence
        }
    }

    public var formatVersion: Int
    public var name: String
    /// The EPCI the pack is centred on.
    public var focus: Siren
    public var sources: [SourceNote]
    public var communes: [Commune]
    public var postalCodes: [String: [CommuneCode]]
    public var epcis: [EPCI]
    public var qpvs: [QPV]
    public var fragility: [FragilityIndex]
    public var broadband: [BroadbandEligibility]
    public var records: [SourceRecord]

    public init(name: String, focus: Siren, sources: [SourceNote], territory: TerritoryData, records: [SourceRecord]) {
        formatVersion = Self.currentFormatVersion
        self.name = name
        self.focus = focus
        self.sources = sources
        communes = territory.communes.values.sorted { $0.code < $1.code }
        postalCodes = territory.postalCodes.mapValues { $0.sorted() }
        epcis = territory.epcis.values.sorted { $0.siren < $1.siren }
        qpvs = territory.qpvs.values.sorted { $0.code < $1.code }
        fragility = territory.fragility.values.sorted { $0.commune < $1.commune }
        broadband = territory.broadband.values.sorted { $0.commune < $1.commune }
        self.records = records.map(\.packed).sorted { $0.provenance.key < $1.provenance.key }
    }

    /// The reference data, with adjacency recomputed from the boundaries.
    public var territory: TerritoryData {
        TerritoryData(
            communes: communes, postalCodes: postalCodes.mapValues(Set.init), epcis: epcis, qpvs: qpvs,
            fragility: fragility, broadband: broadband)
    }

    /// Reads a pack (`.json` or `.json.gz`).
    public static func read(_ url: URL) throws(ImportError) -> TerritoryPack {
        let loaded = try FileLoader.load(url)
        do {
            let pack = try JSONDecoder().decode(TerritoryPack.self, from: Data(loaded.text.utf8))
            guard pack.formatVersion <= currentFormatVersion else {
                throw ImportError(file: url.lastPathComponent, message: "version de paquet \(pack.formatVersion) trop récente")
            }
            return pack
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: url.lastPathComponent, message: "paquet de territoire illisible : \(error)")
        }
    }

    /// Writes the pack as gzip-compressed JSON with sorted keys (the same data gives the same bytes).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try FileLoader.gzip(try encoder.encode(self)).write(to: url)
    }
}

extension SourceRecord {
    /// The record as a pack may ship it: no free-text presentations, no contact that may be a person's
    /// (personal-looking e-mails, mobile numbers).
    public var packed: SourceRecord {
        var copy = self
        copy.place.presentationResume = nil
        copy.place.presentationDetail = nil
        copy.place.courriels = place.courriels.filter(Self.isStructureMailbox)
        if let phone = place.telephone, phone.hasPrefix("+336") || phone.hasPrefix("+337") { copy.place.telephone = nil }
        return copy
    }

    private static let structureMailboxWords = [
        "contact", "accueil", "mairie", "info", "ccas", "cias", "secretariat", "france", "service", "mediatheque", "biblio",
        "numerique", "cyber", "epn", "direction", "commune", "ville", "admin", "bonjour", "social", "centre", "maison", "asso"
    ]

    static func isStructureMailbox(_ address: String) -> Bool {
        let local = address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return structureMailboxWords.contains { local.contains($0) }
    }
}
