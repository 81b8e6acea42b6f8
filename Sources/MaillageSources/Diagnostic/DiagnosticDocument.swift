import Foundation
import MaillageCore

/// The diagnostic as a document (JSON of the API and of `maillage diagnose --format json`), with every parameter.
public struct DiagnosticDocument: Codable, Sendable {
    public struct Answer: Codable, Sendable {
        var lieuId: String
        var lieu: String
        var codeInsee: String?
        var commune: String
        var distanceKm: Double
        var dansPerimetre: Bool
        var minutesPied: Int
        var minutesVelo: Int
        var minutesBus: Int
        var minutesVoiture: Int

        init(_ answer: Diagnostic.Answer) {
            lieuId = answer.placeID
            lieu = answer.placeName
            codeInsee = answer.commune?.rawValue
            commune = answer.communeName
            distanceKm = (answer.distanceMetres / 100).rounded() / 10
            dansPerimetre = answer.insidePerimeter
            minutesPied = Int(answer.times.walking.rounded())
            minutesVelo = Int(answer.times.cycling.rounded())
            minutesBus = Int(answer.times.bus.rounded())
            minutesVoiture = Int(answer.times.car.rounded())
        }
    }

    public struct Cell: Codable, Sendable {
        var besoin: String
        var cle: String
        var lieuxDansCommune: Int
        var couverture: String
        var plusProche: Answer?
    }

    public struct CommuneRow: Codable, Sendable {
        var codeInsee: String
        var nom: String
        var population: Int
        /// Places declaring at least one service.
        var lieux: Int
        /// Places recorded without any declared service.
        var lieuxSansOffreDeclaree: Int
        var lieuxPour10000Habitants: Double
        var indiceFragiliteNumerique: Double?
        var qpv: [String]
        var besoins: [Cell]
    }

    public struct Summary: Codable, Sendable {
        var besoin: String
        var cle: String
        var population: [String: Int]
        var communes: [String: Int]
    }

    public struct QPVRow: Codable, Sendable {
        var code: String
        var communes: String
        var population: Int
        var lieuxDansSesCommunes: Int
        var plusProches: [String: Answer]
    }

    /// What the places declare for one lens: a data gap (« aucun lieu ne le déclare ») is not a missing place.
    public struct LensDeclaration: Codable, Sendable {
        var besoin: String
        var cle: String
        var lieuxAvecOffre: Int
        var lieuxQuiRenseignent: Int
        var lieuxQuiProposent: Int
        var constat: String
    }

    public struct Gap: Codable, Sendable {
        var codeInsee: String
        var besoin: String
        var score: Double
        var raison: String
    }

    public struct Dependency: Codable, Sendable {
        var codeInsee: String
        var besoin: String
        var reponse: Answer
    }

    public var perimetre: String
    public var epci: String?
    public var communes: [CommuneRow]
    public var population: Int
    public var lieux: Int
    public var lieuxSansOffreDeclaree: Int
    public var parametres: DiagnosticParameters
    public var hypotheses: [String]
    public var syntheses: [Summary]
    public var qpv: [QPVRow]
    public var lieuxManquants: [Gap]
    public var ceQueLesLieuxDeclarent: [LensDeclaration]
    public var dependancesTerritoiresVoisins: [Dependency]
    public var territoiresVoisins: [String]

    public init(_ diagnostic: Diagnostic) {
        perimetre = diagnostic.perimeter.name
        epci = diagnostic.perimeter.epci?.rawValue
        communes = diagnostic.rows.map { row in
            CommuneRow(
                codeInsee: row.commune.code.rawValue, nom: row.commune.name, population: row.commune.population, lieux: row.places,
                lieuxSansOffreDeclaree: row.recordedOnly,
                lieuxPour10000Habitants: (row.placesPer10k * 10).rounded() / 10,
                indiceFragiliteNumerique: row.fragility.map { ($0 * 10).rounded() / 10 },
                qpv: row.qpvs,
                besoins: row.cells.map { cell in
                    Cell(
                        besoin: cell.need.label, cle: cell.need.key, lieuxDansCommune: cell.placesInCommune,
                        couverture: cell.coverage.rawValue, plusProche: cell.nearest.map(Answer.init))
                })
        }
        population = diagnostic.population
        lieux = diagnostic.placeCount
        lieuxSansOffreDeclaree = diagnostic.recordedOnlyCount
        parametres = diagnostic.parameters
        hypotheses = diagnostic.parameters.statements
        syntheses = diagnostic.summaries.map { summary in
            Summary(
                besoin: summary.need.label, cle: summary.need.key,
                population: Dictionary(uniqueKeysWithValues: summary.population.map { ($0.key.rawValue, $0.value) }),
                communes: Dictionary(uniqueKeysWithValues: summary.communes.map { ($0.key.rawValue, $0.value) }))
        }
        qpv = diagnostic.qpvs.map { lens in
            QPVRow(
                code: lens.qpv.code, communes: lens.qpv.communeNames, population: lens.qpv.population,
                lieuxDansSesCommunes: lens.placesInItsCommunes,
                plusProches: Dictionary(uniqueKeysWithValues: lens.nearest.map { ($0.key.key, Answer($0.value)) }))
        }
        lieuxManquants = diagnostic.gaps.map {
            Gap(codeInsee: $0.commune.rawValue, besoin: $0.need.label, score: ($0.score).rounded(), raison: $0.reason)
        }
        ceQueLesLieuxDeclarent = diagnostic.lensDeclarations.map {
            LensDeclaration(
                besoin: $0.need.label, cle: $0.need.key, lieuxAvecOffre: $0.offering, lieuxQuiRenseignent: $0.declaring,
                lieuxQuiProposent: $0.answering, constat: $0.statement)
        }
        dependancesTerritoiresVoisins = diagnostic.dependencies.map {
            Dependency(codeInsee: $0.commune.rawValue, besoin: $0.need.label, reponse: Answer($0.answer))
        }
        territoiresVoisins = diagnostic.neighbourEPCIs.map(\.name)
    }

    /// JSON with snake_case keys and sorted keys.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return (try? encoder.encode(self)) ?? Data()
    }
}
