import MaillageCore
import SQLKit

/// A row to write into a ``PlaceTableSet``, as the values of its three tables.
struct PlaceRow: Sendable {
    let key: String
    /// The values of the main table's own columns, in the order of ``PlaceRows/ownColumns``.
    var own: [any Encodable & Sendable]
    /// The values of ``PlaceColumns``, in order.
    let placeValues: [any Encodable & Sendable]
    /// The rows of the list child table (key, field, position, value).
    let listItems: [[any Encodable & Sendable]]
    /// The rows of the unmapped child table (key, position, field, value).
    let unmapped: [[any Encodable & Sendable]]

    init(key: String, own: [any Encodable & Sendable], place: Place) {
        typealias L = PlaceTables.ListItem
        self.key = key
        self.own = own
        placeValues = PlaceColumns.all.map { $0.value(place) }
        listItems = [
            (L.typologie, place.typologie.map(\.rawValue)), (L.courriels, place.courriels), (L.siteWeb, place.siteWeb),
            (L.autresFormationsLabels, place.autresFormationsLabels)
        ]
        .flatMap { field, values in values.enumerated().map { [key, field, $0.offset, $0.element] as [any Encodable & Sendable] } }
        unmapped = place.unmappedValues.enumerated().map { [key, $0.offset, $0.element.field, $0.element.value] }
    }

    /// The row of the main table: key, own values, then the place's.
    var main: [any Encodable & Sendable] { [key] + own + placeValues }

    /// Every value the row stores, for ``RecordFingerprint``.
    var allValues: [[any Encodable & Sendable]] { [main] + listItems + unmapped }
}

/// Writes and reads places in the typed columns of a ``PlaceTableSet`` and its child tables: the one code path for
/// merged places and source records.
struct PlaceRows: Sendable {
    let set: PlaceTableSet
    /// The main table's own columns besides its key, in the order of ``PlaceRow/own`` (with the set's `placeID`
    /// when it is not the key).
    let ownColumns: [String]

    /// Inserts the rows and their children. With `upsertOn`, a row whose key exists replaces the stored one; its old
    /// children must have been deleted (``deleteChildren(of:on:)``).
    func insert(_ rows: [PlaceRow], upsertOn key: [String] = [], on db: any SQLDatabase) async throws {
        typealias L = PlaceTables.ListItem
        typealias U = PlaceTables.Unmapped
        try await db.insertBatched(
            into: set.table, columns: [set.key] + ownColumns + PlaceColumns.all.map(\.name),
            rows: rows.map(\.main), maxBinds: db.maxBindsPerStatement, upsertOn: key)
        try await db.insertBatched(
            into: set.listItems, columns: [set.childKey, L.field, L.position, L.value],
            rows: rows.flatMap(\.listItems), maxBinds: db.maxBindsPerStatement)
        try await db.insertBatched(
            into: set.unmapped, columns: [set.childKey, U.position, U.field, U.value],
            rows: rows.flatMap(\.unmapped), maxBinds: db.maxBindsPerStatement)
    }

    /// Deletes the child rows of some keys (before their rows are replaced).
    func deleteChildren(of keys: [String], on db: any SQLDatabase) async throws {
        for table in [set.listItems, set.unmapped] {
            let _: [Int] = try await db.inChunks(keys) { chunk in
                try await db.delete(from: table).where(set.childKey, .in, chunk).run()
                return []
            }
        }
    }

    /// Which rows a read covers: every row, rows by key, or rows whose main-table column is one of some values.
    enum Scope {
        case all
        case keys([String])
        case column(String, in: [String])
    }

    /// Reads the rows a query of the main table selects (its own columns and the place's), with their children.
    /// The three queries run together and the rows are decoded on every core: loading the national places at start-up
    /// is mostly decoding.
    /// - Returns: each row (for the caller's own columns) and its place, in the query's order.
    func load(_ query: SQLSelectBuilder, scope: Scope, on db: any SQLDatabase) async throws -> [(row: any SQLRow, place: Place)] {
        typealias L = PlaceTables.ListItem
        typealias U = PlaceTables.Unmapped
        async let listRows = grouped(set.listItems, [L.field, L.value], scope, alsoOrderedBy: L.field, on: db) { row in
            (field: try row.decode(column: L.field, as: String.self), value: try row.decode(column: L.value, as: String.self))
        }
        async let unmappedRows = grouped(set.unmapped, [U.field, U.value], scope, on: db) { row in
            UnmappedValue(field: try row.decode(column: U.field, as: String.self), value: try row.decode(column: U.value, as: String.self))
        }
        let rows = try await query.columns([set.key] + ownColumns + PlaceColumns.all.map(\.name)).all()
        let set = set
        let places = rows.concurrentMap { row in
            Result { () throws -> (key: String, place: Place) in
                let key = try row.decode(column: set.key, as: String.self)
                let id = set.placeID == set.key ? key : try row.decode(column: set.placeID, as: String.self)
                var place = Place(
                    id: id, pivot: "", nom: "", commune: "", codePostal: "", codeInsee: nil, adresse: "",
                    dateMaj: CalendarDay(year: 2000, month: 1, day: 1)!)
                for column in PlaceColumns.all { try column.read(row, &place) }
                return (key, place)
            }
        }
        let (lists, unmapped) = (try await listRows, try await unmappedRows)
        return try zip(rows, places).map { row, decoded in
            var (key, place) = try decoded.get()
            for (field, value) in lists[key] ?? [] {
                switch field {
                case L.typologie:
                    guard let typology = Typology(rawValue: value) else { throw StoredValueError(column: L.typologie) }
                    place.typologie.append(typology)
                case L.courriels: place.courriels.append(value)
                case L.siteWeb: place.siteWeb.append(value)
                default: place.autresFormationsLabels.append(value)
                }
            }
            place.unmappedValues = unmapped[key] ?? []
            return (row, place)
        }
    }

    /// The rows of a child table (or any table with the child key and a `position`) in scope, grouped by key and
    /// in their stored order.
    func grouped<T: Sendable>(
        _ table: String, _ columns: [String], _ scope: Scope, alsoOrderedBy field: String? = nil,
        on db: any SQLDatabase, _ transform: @Sendable (any SQLRow) throws -> T
    ) async throws -> [String: [T]] {
        let childKey = set.childKey, position = PlaceTables.ListItem.position
        func select() -> SQLSelectBuilder {
            var select = db.select().columns(([childKey] + columns).map { SQLColumn($0, table: table) }).from(table)
            if let field { select = select.orderBy(SQLColumn(field, table: table)) }
            return select.orderBy(SQLColumn(position, table: table))
        }
        let rows: [any SQLRow]
        switch scope {
        case .all: rows = try await select().all()
        case .keys(let keys):
            rows = try await db.inChunks(keys) { try await select().where(SQLColumn(childKey, table: table), .in, SQLBind.group($0)).all() }
        case .column(let column, let values):
            rows = try await db.inChunks(values) { chunk in
                try await select().join(set.table, on: SQLColumn(childKey, table: table), .equal, SQLColumn(set.key, table: set.table))
                    .where(SQLColumn(column, table: set.table), .in, SQLBind.group(chunk)).all()
            }
        }
        var result: [String: [T]] = [:]
        for row in rows { result[try row.decode(column: childKey, as: String.self), default: []].append(try transform(row)) }
        return result
    }
}
