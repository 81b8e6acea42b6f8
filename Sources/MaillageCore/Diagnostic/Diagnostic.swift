/// The territorial diagnostic of a perimeter: for each commune and each need, what exists, how far, and what is missing.
public struct Diagnostic: Sendable {
    /// The nearest answer to a need from a commune.
    public struct Answer: Hashable, Codable, Sendable {
        public var placeID: String
        public var placeName: String
        public var commune: CommuneCode?
        public var communeName: String
        public var distanceMetres: Double
        public var insidePerimeter: Bool
        public var times: AccessTimes
    }

    /// One commune × one need.
    public struct Cell: Hashable, Codable, Sendable {
        public var commune: CommuneCode
        public var need: Need
        /// Places of the commune with an offer that meet the need.
        public var placesInCommune: Int
        /// Places of the commune with an offer that fill the field the need reads (all of them for a service).
        public var placesDeclaring: Int
        public var nearest: Answer?
        public var coverage: CoverageClass
    }

    /// A commune's row: its facts and its cells.
    public struct CommuneRow: Sendable {
        public var commune: Commune
        /// Places declaring at least one service.
        public var places: Int
        /// Places recorded without any declared service.
        public var recordedOnly: Int
        public var placesPer10k: Double
        public var fragility: Double?
        public var qpvs: [String]
        public var cells: [Cell]
    }

    /// Population per coverage class for one need.
    public struct NeedSummary: Sendable {
        public var need: Need
        public var population: [CoverageClass: Int]
        public var communes: [CoverageClass: Int]

        public func share(_ coverage: CoverageClass, of total: Int) -> Double {
            total > 0 ? Double(population[coverage] ?? 0) / Double(total) : 0
        }
    }

    /// A QPV touching the perimeter and the supply around it.
    public struct QPVLens: Sendable {
        public var qpv: QPV
        public var placesInItsCommunes: Int
        public var nearest: [Need: Answer]
    }

    /// A need answered only outside the perimeter.
    public struct Dependency: Hashable, Sendable {
        public var commune: CommuneCode
        public var need: Need
        public var answer: Answer
    }

    /// What the places of the perimeter declare for one lens: how many fill its field, how many meet it.
    public struct LensDeclaration: Sendable {
        public var need: Need
        /// Places with an offer in the perimeter.
        public var offering: Int
        /// Of those, places that fill the field the need reads.
        public var declaring: Int
        /// Of those, places that meet the need.
        public var answering: Int

        /// « aucun lieu ne le déclare » (a data gap) told apart from « aucun lieu ne le propose » (a finding).
        public var statement: String {
            let field = need.declaredField ?? "ce champ"
            if declaring == 0 {
                return
                    "aucun lieu ne le déclare : aucun des \(offering) lieux avec une offre ne renseigne \(field) — donnée à recueillir auprès des structures"
            }
            let share = "\(declaring) lieu\(declaring < 2 ? "" : "x") sur \(offering) renseigne\(declaring < 2 ? "" : "nt") \(field)"
            if answering == 0 { return "aucun lieu ne le propose parmi ceux qui le déclarent (\(share))" }
            return "\(answering) lieu\(answering < 2 ? " le propose" : "x le proposent") (\(share))"
        }
    }

    /// A missing place: a need not met well for a commune, with why it ranks where it does.
    public struct Gap: Sendable {
        public var commune: CommuneCode
        public var need: Need
        public var populationConcerned: Int
        public var fragility: Double?
        public var nearestDistanceMetres: Double?
        public var nearestCommuneName: String?
        public var score: Double
        /// How far answers were looked for.
        public var searchLimitKm: Double

        /// Why the gap ranks there, in French: "20 640 habitants, fragilité numérique 105, réponse la plus proche à 6,3 km (Wallers)".
        public var reason: String {
            let fragilityText = fragility.map { ", fragilité numérique \(Int($0.rounded()))" } ?? ""
            var whereText = "aucune réponse à moins de \(Int(searchLimitKm)) km"
            if let distance = nearestDistanceMetres, let name = nearestCommuneName {
                whereText = "réponse la plus proche à \(Distance.french(distance)) (\(name))"
            }
            return "\(populationConcerned) habitants\(fragilityText), \(whereText)"
        }
    }

    public let perimeter: Perimeter
    public let parameters: DiagnosticParameters
    public let needs: [Need]
    public let rows: [CommuneRow]
    public let summaries: [NeedSummary]
    public let qpvs: [QPVLens]
    public let dependencies: [Dependency]
    public let gaps: [Gap]
    public let neighbourEPCIs: [EPCI]

    public var population: Int { rows.reduce(0) { $0 + $1.commune.population } }
    /// Places declaring an offer in the perimeter.
    public var placeCount: Int { rows.reduce(0) { $0 + $1.places } }
    /// Places recorded in the perimeter without any declared offer.
    public var recordedOnlyCount: Int { rows.reduce(0) { $0 + $1.recordedOnly } }

    /// What the places declare for each lens (not the services, which every place with an offer declares).
    public var lensDeclarations: [LensDeclaration] {
        needs.indices.compactMap { need in
            guard needs[need].declaredField != nil else { return nil }
            var declaring = 0, answering = 0
            for row in rows.indices {
                declaring += rows[row].cells[need].placesDeclaring
                answering += rows[row].cells[need].placesInCommune
            }
            return LensDeclaration(need: needs[need], offering: placeCount, declaring: declaring, answering: answering)
        }
    }

    /// Flows out of the territory: for each outside commune reached, how many commune × need pairs depend on it.
    public var outflows: [(communeName: String, pairs: Int, population: Int)] {
        let grouped = Dictionary(grouping: dependencies) { $0.answer.communeName }
        let people = Dictionary(uniqueKeysWithValues: rows.map { ($0.commune.code, $0.commune.population) })
        return grouped.map { name, items in (name, items.count, Set(items.map(\.commune)).reduce(0) { $0 + (people[$1] ?? 0) }) }
            .sorted { $0.pairs == $1.pairs ? $0.communeName < $1.communeName : $0.pairs > $1.pairs }
    }
}
