import MaillageCore
import SQLKit

extension PlaceRepository {
    /// Every merged place, without the merge's explanations (which record gave each field, why records were joined):
    /// the importer's `PlaceExplainer` merges a place's block again to give them.
    public func all() async throws -> [MergedPlace] {
        try await load(database.sql.select().from(PlaceTables.Place.table).orderBy(PlaceTables.Place.id), children: .all)
    }

    /// The merged places of some blocks (communes, or postal codes for places without one).
    public func all(inBlocks blocks: [String]) async throws -> [MergedPlace] {
        try await database.sql.inChunks(blocks) { chunk in
            try await load(database.sql.select().from(PlaceTables.Place.table).where(PlaceTables.Place.blockKey, .in, chunk), children: .blocks(chunk))
        }
    }

    public func place(id: String) async throws -> MergedPlace? {
        try await load(database.sql.select().from(PlaceTables.Place.table).where(PlaceTables.Place.id, .equal, SQLBind(id)), children: .ids([id])).first
    }

    /// One page of the places of some communes (all places when `communes` is nil), by name.
    public func page(communes: [CommuneCode]?, limit: Int, offset: Int) async throws -> (places: [MergedPlace], total: Int) {
        let codes = communes?.map(\.rawValue)
        var count = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(PlaceTables.Place.table)
        var select = database.sql.select().from(PlaceTables.Place.table)
        if let codes {
            count = count.where(PlaceColumns.communeCode, .in, codes)
            select = select.where(PlaceColumns.communeCode, .in, codes)
        }
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let ids = try await select.column(PlaceTables.Place.id).orderBy("nom").orderBy(PlaceTables.Place.id).limit(limit).offset(offset).all()
            .map { try $0.decode(column: PlaceTables.Place.id, as: String.self) }
        guard !ids.isEmpty else { return ([], total) }
        let byID = Dictionary(uniqueKeysWithValues: try await load(
            database.sql.select().from(PlaceTables.Place.table).where(PlaceTables.Place.id, .in, ids), children: .ids(ids)).map { ($0.id, $0) })
        return (ids.compactMap { byID[$0] }, total)
    }

    /// Number of places per commune code.
    public func countByCommune() async throws -> [CommuneCode: Int] {
        var result: [CommuneCode: Int] = [:]
        for row in try await database.sql.select().column("commune_code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("places").where("commune_code", .isNot, SQLLiteral.null).groupBy("commune_code").all() {
            result[try row.communeCode("commune_code")] = try row.decode(column: "n", as: Int.self)
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

}

extension PlaceRepository {
    /// Which child rows a load reads: every place's, or those of some places or blocks.
    enum ChildScope {
        case all
        case ids([String])
        case blocks([String])
    }

    /// Reads the places a query selects, with their records, lists and unmapped values (three more queries).
    func load(_ query: SQLSelectBuilder, children scope: ChildScope) async throws -> [MergedPlace] {
        typealias P = PlaceTables.Place
        typealias S = PlaceTables.Source
        typealias L = PlaceTables.ListItem
        typealias U = PlaceTables.Unmapped
        let rows = try await query.columns([P.id, P.blockKey] + PlaceColumns.all.map(\.name)).all()
        guard !rows.isEmpty else { return [] }
        let sources = try await grouped(S.table, [S.placeID, S.source, S.sourceID, S.dateMaj], scope) { row in
            guard let kind = SourceKind(rawValue: try row.decode(column: S.source, as: String.self)),
                  let day = CalendarDay(try row.decode(column: S.dateMaj, as: String.self)) else { throw StoredValueError(column: S.source) }
            return Provenance(source: kind, sourceID: try row.decode(column: S.sourceID, as: String.self), dateMaj: day)
        }
        let lists = try await grouped(L.table, [L.placeID, L.field, L.value], scope, alsoOrderedBy: L.field) { row in
            (field: try row.decode(column: L.field, as: String.self), value: try row.decode(column: L.value, as: String.self))
        }
        let unmapped = try await grouped(U.table, [U.placeID, U.field, U.value], scope) { row in
            UnmappedValue(field: try row.decode(column: U.field, as: String.self), value: try row.decode(column: U.value, as: String.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: P.id, as: String.self)
            var place = Place(id: id, pivot: "", nom: "", commune: "", codePostal: "", codeInsee: nil, adresse: "", dateMaj: CalendarDay("2000-01-01")!)
            for column in PlaceColumns.all { try column.read(row, &place) }
            for (field, value) in lists[id] ?? [] {
                switch field {
                case L.typologie:
                    guard let typology = Typology(rawValue: value) else { throw StoredValueError(column: L.typologie) }
                    place.typologie.append(typology)
                case L.courriels: place.courriels.append(value)
                case L.siteWeb: place.siteWeb.append(value)
                default: place.autresFormationsLabels.append(value)
                }
            }
            place.unmappedValues = unmapped[id] ?? []
            return MergedPlace(place: place, provenances: sources[id] ?? [], fieldSources: [:], decisions: [])
        }
    }

    /// The child rows of a table in scope, grouped by place and in their stored order (every child table names its
    /// place `place_id` and its order `position`).
    private func grouped<T>(_ table: String, _ columns: [String], _ scope: ChildScope, alsoOrderedBy field: String? = nil,
                            _ transform: (any SQLRow) throws -> T) async throws -> [String: [T]] {
        let placeID = PlaceTables.Source.placeID, position = PlaceTables.Source.position
        func select() -> SQLSelectBuilder {
            var select = database.sql.select().columns(columns.map { SQLColumn($0, table: table) }).from(table)
            if let field { select = select.orderBy(SQLColumn(field, table: table)) }
            return select.orderBy(SQLColumn(position, table: table))
        }
        let rows: [any SQLRow]
        switch scope {
        case .all: rows = try await select().all()
        case .ids(let ids): rows = try await database.sql.inChunks(ids) { try await select().where(SQLColumn(placeID, table: table), .in, SQLBind.group($0)).all() }
        case .blocks(let blocks):
            rows = try await database.sql.inChunks(blocks) { chunk in
                try await select().join(PlaceTables.Place.table, on: SQLColumn(placeID, table: table), .equal, SQLColumn(PlaceTables.Place.id, table: PlaceTables.Place.table))
                    .where(SQLColumn(PlaceTables.Place.blockKey, table: PlaceTables.Place.table), .in, SQLBind.group(chunk)).all()
            }
        }
        var result: [String: [T]] = [:]
        for row in rows { result[try row.decode(column: placeID, as: String.self), default: []].append(try transform(row)) }
        return result
    }
}
