import MaillageCore
import SQLKit

/// Stores and loads the territory reference data.
public struct TerritoryRepository: Sendable {
    let database: AppDatabase

    /// Replaces all reference data in one transaction.
    public func replace(with territory: TerritoryData) async throws {
        try await database.transaction { db in try await replace(with: territory, on: db) }
    }

    /// Replaces all reference data inside the caller's transaction.
    public func replace(with territory: TerritoryData, on db: any SQLDatabase) async throws {
        let maxBinds = database.maxBindsPerStatement
        let communes = territory.communes.values.sorted { $0.code < $1.code }
        let epcis = territory.epcis.values.sorted { $0.siren < $1.siren }
        let qpvs = territory.qpvs.values.sorted { $0.code < $1.code }
        let communeRows: [[any Encodable & Sendable]] = try communes.map { c in
            [c.code.rawValue, c.name, c.postalCode, c.population, c.centroid.latitude, c.centroid.longitude, c.areaKm2,
             c.epci?.rawValue, try c.boundary.map { try JSONColumn.encode($0.polygons) }]
        }
        let postalRows: [[any Encodable & Sendable]] = territory.postalCodes.flatMap { postal, codes in
            codes.map { [postal, $0.rawValue] }
        }
        for table in ["commune_adjacency", "broadband", "fragility", "qpv_communes", "qpvs", "epci_members", "epcis",
                      "commune_postal_codes", "communes"] {
            try await db.delete(from: table).run()
        }
        try await db.insertBatched(into: "epcis", columns: ["siren", "name", "kind", "population"],
                                   rows: epcis.map { [$0.siren.rawValue, $0.name, $0.kind, $0.population] }, maxBinds: maxBinds)
        try await db.insertBatched(into: "epci_members", columns: ["epci_siren", "commune_code"],
                                   rows: epcis.flatMap { e in Set(e.members).sorted().map { [e.siren.rawValue, $0.rawValue] } },
                                   maxBinds: maxBinds)
        try await db.insertBatched(
            into: "communes",
            columns: ["code", "name", "postal_code", "population", "latitude", "longitude", "area_km2", "epci_siren", "boundary"],
            rows: communeRows, maxBinds: maxBinds)
        try await db.insertBatched(into: "commune_postal_codes", columns: ["postal_code", "commune_code"], rows: postalRows, maxBinds: maxBinds)
        try await db.insertBatched(into: "qpvs", columns: ["code", "commune_names", "population"],
                                   rows: qpvs.map { [$0.code, $0.communeNames, $0.population] }, maxBinds: maxBinds)
        try await db.insertBatched(into: "qpv_communes", columns: ["qpv_code", "commune_code"],
                                   rows: qpvs.flatMap { q in Set(q.communes).sorted().map { [q.code, $0.rawValue] } }, maxBinds: maxBinds)
        try await db.insertBatched(
            into: "fragility", columns: ["commune_code", "global_score", "access_score", "skills_score", "iris_count"],
            rows: territory.fragility.values.map { [$0.commune.rawValue, $0.globalScore, $0.accessScore, $0.skillsScore, $0.irisCount] },
            maxBinds: maxBinds)
        try await db.insertBatched(
            into: "broadband", columns: ["commune_code", "premises", "ineligible", "at_least_8", "at_least_30", "at_least_100"],
            rows: territory.broadband.values.map { [$0.commune.rawValue, $0.premises, $0.ineligible, $0.atLeast8Mbps, $0.atLeast30Mbps, $0.atLeast100Mbps] },
            maxBinds: maxBinds)
        try await db.insertBatched(into: "commune_adjacency", columns: ["a", "b"],
                                   rows: territory.adjacency.pairs.map { [$0.0.rawValue, $0.1.rawValue] }, maxBinds: maxBinds)
        try await ChangeLog.record(.territory, keys: [], on: db, database: database)
    }

    /// Whether any commune is stored.
    public func isEmpty() async throws -> Bool { try await isEmpty(on: database.sql) }

    /// Whether any commune is stored, read inside the caller's transaction.
    public func isEmpty(on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("code").from("communes").limit(1).all().isEmpty
    }

    /// Loads all reference data.
    public func load() async throws -> TerritoryData {
        let db = database.sql
        let communes = try await db.select().columns("*").from("communes").all().map { row -> Commune in
            let polygons = try row.optionalString("boundary").map { try JSONColumn.decode([Polygon].self, from: $0) }
            return Commune(
                code: try row.communeCode("code"), name: try row.decode(column: "name", as: String.self),
                postalCode: try row.decode(column: "postal_code", as: String.self),
                population: try row.decode(column: "population", as: Int.self),
                centroid: Coordinate(latitude: try row.decode(column: "latitude", as: Double.self),
                                     longitude: try row.decode(column: "longitude", as: Double.self)),
                areaKm2: try row.optionalDouble("area_km2"),
                epci: try row.optionalString("epci_siren").flatMap(Siren.init),
                boundary: polygons.map(MultiPolygon.init(polygons:)))
        }
        var postalCodes: [String: Set<CommuneCode>] = [:]
        for row in try await db.select().columns("postal_code", "commune_code").from("commune_postal_codes").all() {
            postalCodes[try row.decode(column: "postal_code", as: String.self), default: []]
                .insert(try row.communeCode("commune_code"))
        }
        var members: [Siren: [CommuneCode]] = [:]
        for row in try await db.select().columns("epci_siren", "commune_code").from("epci_members").orderBy("commune_code").all() {
            members[try row.siren("epci_siren"), default: []].append(try row.communeCode("commune_code"))
        }
        let epcis = try await db.select().columns("*").from("epcis").all().map { row -> EPCI in
            let siren = try row.siren("siren")
            return EPCI(siren: siren, name: try row.decode(column: "name", as: String.self), kind: try row.decode(column: "kind", as: String.self),
                        population: try row.decode(column: "population", as: Int.self), members: members[siren] ?? [])
        }
        var qpvCommunes: [String: [CommuneCode]] = [:]
        for row in try await db.select().columns("qpv_code", "commune_code").from("qpv_communes").all() {
            qpvCommunes[try row.decode(column: "qpv_code", as: String.self), default: []].append(try row.communeCode("commune_code"))
        }
        let qpvs = try await db.select().columns("*").from("qpvs").all().map { row -> QPV in
            let code = try row.decode(column: "code", as: String.self)
            return QPV(code: code, communeNames: try row.decode(column: "commune_names", as: String.self),
                       communes: (qpvCommunes[code] ?? []).sorted(), population: try row.decode(column: "population", as: Int.self))
        }
        let fragility = try await db.select().columns("*").from("fragility").all().map { row in
            FragilityIndex(commune: try row.communeCode("commune_code"),
                           globalScore: try row.decode(column: "global_score", as: Double.self),
                           accessScore: try row.optionalDouble("access_score"),
                           skillsScore: try row.optionalDouble("skills_score"),
                           irisCount: try row.decode(column: "iris_count", as: Int.self))
        }
        let broadband = try await db.select().columns("*").from("broadband").all().map { row in
            BroadbandEligibility(commune: try row.communeCode("commune_code"),
                                 premises: try row.decode(column: "premises", as: Int.self),
                                 ineligible: try row.decode(column: "ineligible", as: Int.self),
                                 atLeast8Mbps: try row.decode(column: "at_least_8", as: Int.self),
                                 atLeast30Mbps: try row.decode(column: "at_least_30", as: Int.self),
                                 atLeast100Mbps: try row.decode(column: "at_least_100", as: Int.self))
        }
        var neighbours: [CommuneCode: Set<CommuneCode>] = [:]
        for row in try await db.select().columns("a", "b").from("commune_adjacency").all() {
            let a = try row.communeCode("a"), b = try row.communeCode("b")
            neighbours[a, default: []].insert(b)
            neighbours[b, default: []].insert(a)
        }
        return TerritoryData(communes: communes, postalCodes: postalCodes, epcis: epcis, qpvs: qpvs, fragility: fragility,
                             broadband: broadband, adjacency: Adjacency(neighbours: neighbours))
    }
}
