/// A table holding places in typed columns (``PlaceColumns``) and its two child tables (lists, unmapped values), all
/// keyed by one text column of the main table.
struct PlaceTableSet: Sendable {
    /// The main table.
    let table: String
    /// The main table's key column, which the child tables refer to.
    let key: String
    /// The column holding the place's own identifier (``MaillageCore/Place/id``).
    let placeID: String
    /// The child table of list values (``PlaceTables/ListItem``).
    let listItems: String
    /// The child table of unmapped values (``PlaceTables/Unmapped``).
    let unmapped: String
    /// The column of the child tables naming their row of the main table.
    let childKey: String
}
