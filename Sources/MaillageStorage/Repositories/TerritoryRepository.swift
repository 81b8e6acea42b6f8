import MaillageCore
import SQLKit

/// Stores and loads the territory reference data.
public struct TerritoryRepository: Sendable {
    let database: AppDatabase

    private typealias E = TerritoryTables.EPCI
    private typealias M = TerritoryTables.Member
    private typealias C = TerritoryTables.Commune
    private typealias P = TerritoryTables.PostalCode
    private typealias Q = TerritoryTables.QPV
    private typealias QC = TerritoryTables.QPVCommune
    private typealias F = TerritoryTables.Fragility
    private typealias B = TerritoryTables.Broadband
    private typealias J = TerritoryTables.Adjacency

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
            [
                c.code.rawValue, c.name, c.postalCode, c.population, c.centroid.latitude, c.centroid.longitude, c.areaKm2,
                c.epci?.rawValue, try c.boundary.map { try JSONColumn.encode($0.polygons) }
            ]
        }
        let postalRows: [[any Encodable & Sendable]] = territory.postalCodes.flatMap { postal, codes in
            codes.map { [postal, $0.rawValue] }
        }
        for table in [J.table, B.table, F.table, QC.table, Q.table, M.table, E.table, P.table, C.table] {
            try await db.delete(from: table).run()
        }
        try await db.insertBatched(
            into: E.table, columns: [E.siren, E.name, E.kind, E.population],
            rows: epcis.map { [$0.siren.rawValue, $0.name, $0.kind, $0.population] }, maxBinds: maxBinds)
        try await db.insertBatched(
            into: M.table, columns: [M.epciSiren, M.communeCode],
            rows: epcis.flatMap { e in Set(e.members).sorted().map { [e.siren.rawValue, $0.rawValue] } },
            maxBinds: maxBinds)
        try await db.insertBatched(
            into: C.table,
            columns: [C.code, C.name, C.postalCode, C.population, C.latitude, C.longitude, C.areaKm2, C.epciSiren, C.boundary],
            rows: communeRows, maxBinds: maxBinds)
        try await db.insertBatched(into: P.table, columns: [P.postalCode, P.communeCode], rows: postalRows, maxBinds: maxBinds)
        try await db.insertBatched(
            into: Q.table, columns: [Q.code, Q.communeNames, Q.population],
            rows: qpvs.map { [$0.code, $0.communeNames, $0.population] }, maxBinds: maxBinds)
        try await db.insertBatched(
            into: QC.table, columns: [QC.qpvCode, QC.communeCode],
            rows: qpvs.flatMap { q in Set(q.communes).sorted().map { [q.code, $0.rawValue] } }, maxBinds: maxBinds)
        try await db.insertBatched(
            into: F.table, columns: [F.communeCode, F.globalScore, F.accessScore, F.skillsScore, F.irisCount],
            rows: territory.fragility.values.map { [$0.commune.rawValue, $0.globalScore, $0.accessScore, $0.skillsScore, $0.irisCount] },
            maxBinds: maxBinds)
        try await db.insertBatched(
            into: B.table, columns: [B.communeCode, B.premises, B.ineligible, B.atLeast8, B.atLeast30, B.atLeast100],
            rows: territory.broadband.values.map {
                [$0.commune.rawValue, $0.premises, $0.ineligible, $0.atLeast8Mbps, $0.atLeast30Mbps, $0.atLeast100Mbps]
            },
            maxBinds: maxBinds)
        try await db.insertBatched(
            into: J.table, columns: [J.a, J.b],
            rows: territory.adjacency.pairs.map { [$0.0.rawValue, $0.1.rawValue] }, maxBinds: maxBinds)
        try await ChangeLog.record(.territory, keys: [], on: db, database: database)
    }

    /// Whether any commune is stored.
    public func isEmpty() async throws -> Bool { try await isEmpty(on: database.sql) }

    /// Whether any commune is stored, read inside the caller's transaction.
    public func isEmpty(on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column(C.code).from(C.table).limit(1).all().isEmpty
    }

    /// Loads all reference data.
    public func load() async throws -> TerritoryData {
        let db = database.sql
        let communes = try await db.select().columns("*").from(C.table).all().map { row -> Commune in
            let polygons = try row.optionalString(C.boundary).map { try JSONColumn.decode([Polygon].self, from: $0) }
            return Commune(
                code: try row.communeCode(C.code), name: try row.decode(column: C.name, as: String.self),
                postalCode: try row.decode(column: C.postalCode, as: String.self),
                population: try row.decode(column: C.population, as: Int.self),
                centroid: Coordinate(
                    latitude: try row.decode(column: C.latitude, as: Double.self),
                    longitude: try row.decode(column: C.longitude, as: Double.self)),
                areaKm2: try row.optionalDouble(C.areaKm2),
                epci: try row.optionalString(C.epciSiren).flatMap(Siren.init),
                boundary: polygons.map(MultiPolygon.init(polygons:)))
        }
        var postalCodes: [String: Set<CommuneCode>] = [:]
        for row in try await db.select().columns(P.postalCode, P.communeCode).from(P.table).all() {
            postalCodes[try row.decode(column: P.postalCode, as: String.self), default: []]
                .insert(try row.communeCode(P.communeCode))
        }
        var members: [Siren: [CommuneCode]] = [:]
        for row in try await db.select().columns(M.epciSiren, M.communeCode).from(M.table).orderBy(M.communeCode).all() {
            members[try row.siren(M.epciSiren), default: []].append(try row.communeCode(M.communeCode))
        }
        let epcis = try await db.select().columns("*").from(E.table).all().map { row -> EPCI in
            let siren = try row.siren(E.siren)
            return EPCI(
                siren: siren, name: try row.decode(column: E.name, as: String.self), kind: try row.decode(column: E.kind, as: String.self),
                population: try row.decode(column: E.population, as: Int.self), members: members[siren] ?? [])
        }
        var qpvCommunes: [String: [CommuneCode]] = [:]
        for row in try await db.select().columns(QC.qpvCode, QC.communeCode).from(QC.table).all() {
            qpvCommunes[try row.decode(column: QC.qpvCode, as: String.self), default: []].append(try row.communeCode(QC.communeCode))
        }
        let qpvs = try await db.select().columns("*").from(Q.table).all().map { row -> QPV in
            let code = try row.decode(column: Q.code, as: String.self)
            return QPV(
                code: code, communeNames: try row.decode(column: Q.communeNames, as: String.self),
                communes: (qpvCommunes[code] ?? []).sorted(), population: try row.decode(column: Q.population, as: Int.self))
        }
        let fragility = try await db.select().columns("*").from(F.table).all().map { row in
            FragilityIndex(
                commune: try row.communeCode(F.communeCode),
                globalScore: try row.decode(column: F.globalScore, as: Double.self),
                accessScore: try row.optionalDouble(F.accessScore),
                skillsScore: try row.optionalDouble(F.skillsScore),
                irisCount: try row.decode(column: F.irisCount, as: Int.self))
        }
        let broadband = try await db.select().columns("*").from(B.table).all().map { row in
            BroadbandEligibility(
                commune: try row.communeCode(B.communeCode),
                premises: try row.decode(column: B.premises, as: Int.self),
                ineligible: try row.decode(column: B.ineligible, as: Int.self),
                atLeast8Mbps: try row.decode(column: B.atLeast8, as: Int.self),
                atLeast30Mbps: try row.decode(column: B.atLeast30, as: Int.self),
                atLeast100Mbps: try row.decode(column: B.atLeast100, as: Int.self))
        }
        var neighbours: [CommuneCode: Set<CommuneCode>] = [:]
        for row in try await db.select().columns(J.a, J.b).from(J.table).all() {
            let a = try row.communeCode(J.a), b = try row.communeCode(J.b)
            neighbours[a, default: []].insert(b)
            neighbours[b, default: []].insert(a)
        }
        return TerritoryData(
            communes: communes, postalCodes: postalCodes, epcis: epcis, qpvs: qpvs, fragility: fragility,
            broadband: broadband, adjacency: Adjacency(neighbours: neighbours))
    }
}
