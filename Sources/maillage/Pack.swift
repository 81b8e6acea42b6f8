import ArgumentParser
import Foundation
import MaillageCore
import MaillageSources

/// `maillage pack`: builds the territory pack of an EPCI and its neighbours from the national open-data files.
struct Pack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Construit le paquet de territoire (EPCI + EPCI voisins) depuis les données ouvertes.")

    @Option(help: "Dossier des données ouvertes.") var data = "../shared/data"
    @Option(help: "SIREN de l'EPCI central.") var territory = Siren.caph.rawValue
    @Option(help: "Fichier du paquet à écrire.") var out = "Sources/maillage/Pack/caph-200042190.pack.json.gz"

    func run() async throws {
        guard let focus = Siren(territory) else { throw ValidationError("--territory attend un SIREN de 9 chiffres") }
        let builder = PackBuilder(dataDirectory: URL(fileURLWithPath: data))
        let pack = try builder.build(focus: focus) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let url = URL(fileURLWithPath: out)
        try pack.write(to: url)
        let notes = url.deletingLastPathComponent().appendingPathComponent("SOURCES.md")
        try PackBuilder.sourcesDocument(for: pack).write(to: notes, atomically: true, encoding: .utf8)
        print("\(pack.name) : \(pack.communes.count) communes, \(pack.epcis.count) EPCI, \(pack.records.count) fiches → \(out)")
    }
}
