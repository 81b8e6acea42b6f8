import MaillageCore
import SQLKit

extension PlaceRepository {
    /// Every merged place.
    public func all() async throws -> [MergedPlace] {
        let bodies = try await database.sql.select().column("body").from("places").orderBy("id").all(decodingColumn: "body", as: String.self)
        return try JSONColumn.decode(all: MergedPlace.self, from: bodies)
    }

    /// The merged places of some blocks (communes, or postal codes for places without one).
    public func all(inBlocks blocks: [String]) async throws -> [MergedPlace] {
        try await database.sql.inChunks(blocks) { chunk in
            try await database.sql.select().column("body").from("places").where("block_key", .in, chunk).all().map(Self.decode)
        }
    }

    public func place(id: String) async throws -> MergedPlace? {
        try await database.sql.select().column("body").from("places").where("id", .equal, id).first().map(Self.decode)
    }

    /// One page of the places of some communes (all places when `communes` is nil), by name.
    public func page(communes: [CommuneCode]?, limit: Int, offset: Int) async throws -> (places: [MergedPlace], total: Int) {
        let codes = communes?.map(\.rawValue)
        var count = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("places")
        var select = database.sql.select().column("body").from("places")
        if let codes {
            count = count.where("commune_code", .in, codes)
            select = select.where("commune_code", .in, codes)
        }
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let places = try await select.orderBy("nom").orderBy("id").limit(limit).offset(offset).all().map(Self.decode)
        return (places, total)
    }

    /// Number of places per commune code.
    public func countByCommune() async throws -> [CommuneCode: Int] {
        var result: [CommuneCode: Int] = [:]
        for row in try await database.sql.select().column("commune_code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("places").where("commune_code", .isNot, SQLLiteral.null).groupBy("commune_code").all() {
            result[try row.decode(column: "commune_code", as: CommuneCode.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// Number of source records per source, optionally only for places in some communes.
    public func countBySource(communes: [CommuneCode]? = nil) async throws -> [SourceKind: Int] {
        var query = database.sql.select().column(SQLColumn("source", table: "place_sources"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("place_sources")
            .join("places", on: SQLColumn("place_id", table: "place_sources"), .equal, SQLColumn("id", table: "places"))
        if let communes { query = query.where(SQLColumn("commune_code", table: "places"), .in, SQLBind.group(communes.map(\.rawValue))) }
        var result: [SourceKind: Int] = [:]
        for row in try await query.groupBy(SQLColumn("source", table: "place_sources")).all() {
            if let kind = SourceKind(rawValue: try row.decode(column: "source", as: String.self)) {
                result[kind] = try row.decode(column: "n", as: Int.self)
            }
        }
        return result
    }

    /// Number of stored source records.
    public func recordCount() async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("source_records")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Every stored source record (used to build territory packs).
    public func records() async throws -> [SourceRecord] {
        try await database.sql.select().column("body").from("source_records").orderBy("source").orderBy("source_id").all()
            .map { try JSONColumn.decode(SourceRecord.self, from: try $0.decode(column: "body", as: String.self)) }
    }

    private static func decode(_ row: any SQLRow) throws -> MergedPlace {
        try JSONColumn.decode(MergedPlace.self, from: try row.decode(column: "body", as: String.self))
    }
}
