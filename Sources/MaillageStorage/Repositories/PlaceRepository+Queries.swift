import MaillageCore
import SQLKit

extension PlaceRepository {
    /// Every merged place, without the merge's explanations (which record gave each field, why records were joined):
    /// the importer's `PlaceBuilder` merges a place's block again to give them.
    public func all() async throws -> [MergedPlace] {
        try await load(database.sql.select().from(PlaceTables.Place.table).orderBy(PlaceTables.Place.id), children: .all)
    }

    /// The merged places of some blocks (communes, or postal codes for places without one).
    public func all(inBlocks blocks: [String]) async throws -> [MergedPlace] {
        try await database.sql.inChunks(blocks) { chunk in
            try await load(
                database.sql.select().from(PlaceTables.Place.table).where(PlaceTables.Place.blockKey, .in, chunk), children: .blocks(chunk))
        }
    }

    public func place(id: String) async throws -> MergedPlace? {
        try await load(database.sql.select().from(PlaceTables.Place.table).where(PlaceTables.Place.id, .equal, SQLBind(id)), children: .ids([id]))
            .first
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
        let ids = try await select.column(PlaceTables.Place.id).orderBy(PlaceColumns.nom).orderBy(PlaceTables.Place.id).limit(limit).offset(offset)
            .all()
            .map { try $0.decode(column: PlaceTables.Place.id, as: String.self) }
        guard !ids.isEmpty else { return ([], total) }
        let byID = Dictionary(
            uniqueKeysWithValues: try await load(
                database.sql.select().from(PlaceTables.Place.table).where(PlaceTables.Place.id, .in, ids), children: .ids(ids)
            ).map { ($0.id, $0) })
        return (ids.compactMap { byID[$0] }, total)
    }

    /// Number of source records per source, optionally only for places in some communes.
    public func countBySource(communes: [CommuneCode]? = nil) async throws -> [SourceKind: Int] {
        typealias S = PlaceTables.Source
        typealias P = PlaceTables.Place
        var query = database.sql.select().column(SQLColumn(S.source, table: S.table))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(S.table)
            .join(P.table, on: SQLColumn(S.placeID, table: S.table), .equal, SQLColumn(P.id, table: P.table))
        if let communes { query = query.where(SQLColumn(PlaceColumns.communeCode, table: P.table), .in, SQLBind.group(communes.map(\.rawValue))) }
        var result: [SourceKind: Int] = [:]
        for row in try await query.groupBy(SQLColumn(S.source, table: S.table)).all() {
            if let kind = SourceKind(rawValue: try row.decode(column: S.source, as: String.self)) {
                result[kind] = try row.decode(column: "n", as: Int.self)
            }
        }
        return result
    }

    /// Number of stored source records.
    public func recordCount() async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(PlaceTables.Record.table)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Every stored source record (used to build territory packs), by source and identifier.
    public func records() async throws -> [SourceRecord] {
        typealias R = PlaceTables.Record
        return try await Self.recordRows.load(
            database.sql.select().from(R.table).orderBy(R.source).orderBy(R.sourceID), scope: .all, on: database.sql
        )
        .map(Self.record)
    }

}

extension PlaceRepository {
    /// Which child rows a load reads: every place's, or those of some places or blocks.
    enum ChildScope {
        case all
        case ids([String])
        case blocks([String])

        var rows: PlaceRows.Scope {
            switch self {
            case .all: .all
            case .ids(let ids): .keys(ids)
            case .blocks(let blocks): .column(PlaceTables.Place.blockKey, in: blocks)
            }
        }
    }

    /// Reads the places a query selects, with their records, lists and unmapped values (three more queries, all four
    /// together).
    func load(_ query: SQLSelectBuilder, children scope: ChildScope) async throws -> [MergedPlace] {
        typealias S = PlaceTables.Source
        let rows = Self.mergedRows
        async let provenances = rows.grouped(S.table, [S.source, S.sourceID, S.dateMaj], scope.rows, on: database.sql) { row in
            guard let kind = SourceKind(rawValue: try row.decode(column: S.source, as: String.self)),
                let day = CalendarDay(try row.decode(column: S.dateMaj, as: String.self))
            else { throw StoredValueError(column: S.source) }
            return Provenance(source: kind, sourceID: try row.decode(column: S.sourceID, as: String.self), dateMaj: day)
        }
        let loaded = try await rows.load(query, scope: scope.rows, on: database.sql)
        let sources = try await provenances
        return loaded.map { _, place in MergedPlace(place: place, provenances: sources[place.id] ?? [], fieldSources: [:], decisions: []) }
    }
}
