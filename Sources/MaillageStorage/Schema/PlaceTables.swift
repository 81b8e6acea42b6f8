/// The names of the tables that hold places in typed columns, and of their columns: the only place they are spelled.
///
/// Two kinds of rows hold a ``MaillageCore/Place``: the merged places, and the source records they are merged from.
/// Both keep every single-valued field of the standard in a typed column (``PlaceColumns``), closed vocabularies as
/// bits of an integer, and their open lists and unmapped values in two child tables (``PlaceTableSet``).
enum PlaceTables {
    /// One row per merged place, keyed by the place's identifier.
    static let merged = PlaceTableSet(
        table: "places", key: "id", placeID: "id", listItems: "place_list_items",
        unmapped: "place_unmapped", childKey: "place_id")

    /// One row per source record, keyed by `source:source_id` (its provenance key).
    static let records = PlaceTableSet(
        table: "source_records", key: Record.key, placeID: Record.placeID,
        listItems: "source_record_list_items", unmapped: "source_record_unmapped",
        childKey: Record.key)

    /// The merged places' own columns.
    enum Place {
        static let table = merged.table
        static let id = merged.key
        static let blockKey = "block_key"
    }

    /// The source records' own columns, besides the place's.
    enum Record {
        static let table = "source_records"
        /// `source:source_id`, what the child tables refer to.
        static let key = "record_key"
        static let source = "source"
        static let sourceID = "source_id"
        /// The record's place identifier, as its reader made it.
        static let placeID = "place_id"
        /// The date of the record's provenance (when the source says it was updated).
        static let provenanceDate = "provenance_date_maj"
        static let blockKey = "block_key"
        /// A hash of the stored values, to tell an identical record from a changed one without reading it.
        static let fingerprint = "fingerprint"
        static let readerVersion = "reader_version"
    }

    /// Blocks (communes) whose records changed and whose merged places are still to be rebuilt.
    enum PendingBlock {
        static let table = "pending_blocks"
        static let blockKey = "block_key"
    }

    /// The records merged into each place, highest-priority source first.
    enum Source {
        static let table = "place_sources"
        static let placeID = "place_id"
        static let position = "position"
        static let source = "source"
        static let sourceID = "source_id"
        static let dateMaj = "date_maj"
    }

    /// The columns of the list child tables: the values of the multi-valued fields with an open or long list of values
    /// (typologie, courriels, site_web, autres_formations_labels), in order.
    enum ListItem {
        static let field = "field"
        static let position = "position"
        static let value = "value"

        static let typologie = "typologie"
        static let courriels = "courriels"
        static let siteWeb = "site_web"
        static let autresFormationsLabels = "autres_formations_labels"
    }

    /// The columns of the unmapped child tables: source values no vocabulary maps, kept as written.
    enum Unmapped {
        static let position = "position"
        static let field = "field"
        static let value = "value"
    }
}
